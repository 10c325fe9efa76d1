"use client";

import { type AbstractIntlMessages, type Locale, NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { missingMessage } from "@/lib/i18n/missing";

/** The catalog for client components, with the same visible mark for a missing key as on the server. */
export function IntlProvider({
  locale,
  timeZone,
  messages,
  children,
}: {
  locale: Locale;
  timeZone: string;
  messages: AbstractIntlMessages;
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone={timeZone}
      messages={messages}
      getMessageFallback={missingMessage}
      onError={(error) => console.error(`[i18n] ${error.message}`)}
    >
      {children}
    </NextIntlClientProvider>
  );
}
