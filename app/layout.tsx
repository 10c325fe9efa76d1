import type { Metadata } from "next";
import { getMessages, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { CLIENT_MESSAGES, pickMessages } from "@/lib/i18n/client-messages";
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
  return (
    <html lang={locale} data-theme={theme}>
      <body className="min-h-screen font-sans">
        <IntlProvider locale={locale} timeZone={timeZone} messages={pickMessages(messages, CLIENT_MESSAGES)}>
          {children}
        </IntlProvider>
      </body>
    </html>
  );
}
