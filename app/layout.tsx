import type { Metadata } from "next";
import { getMessages, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { requestPreferences } from "@/server/i18n/preferences";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  const name = t("appName");
  return { title: { default: name, template: `%s · ${name}` }, description: t("appDescription") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, theme }, timeZone, messages] = await Promise.all([
    requestPreferences(),
    getTimeZone(),
    getMessages(),
  ]);
  // What the server alone says (action answers, emails) stays on the server: a third of the catalog
  // the browser would otherwise receive with every page.
  const { errors: _errors, emails: _emails, ...clientMessages } = messages;
  return (
    <html lang={locale} data-theme={theme}>
      <body className="min-h-screen font-sans">
        <IntlProvider locale={locale} timeZone={timeZone} messages={clientMessages}>
          {children}
        </IntlProvider>
      </body>
    </html>
  );
}
