"use client";

/* eslint-disable i18next/no-literal-string -- This page replaces the root layout when the layout itself fails, so
   there is no NextIntlClientProvider, no member and no chosen language here (reading them is what may have failed).
   It stays a minimal English-only page on purpose; every other page's text comes from messages/. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", textAlign: "center" }}>
        <h1>Hourglass could not load this page</h1>
        <p>Something went wrong on our side. Try again in a moment.</p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
      </body>
    </html>
  );
}
