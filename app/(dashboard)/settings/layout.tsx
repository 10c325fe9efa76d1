import type { ReactNode } from "react";
import { getLocale, getMessages, getTimeZone, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { CLIENT_MESSAGES, pickMessages, SETTINGS_CLIENT_MESSAGES } from "@/lib/i18n/client-messages";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageMember } from "@/server/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  // Each settings page checks its own permission: members see their notification settings, managers the rest.
  const member = await requirePageMember("notifications.own");
  const [t, locale, timeZone, messages] = await Promise.all([
    getTranslations("common.settingsNav"),
    getLocale(),
    getTimeZone(),
    getMessages(),
  ]);
  // The settings forms' messages reach the browser only on these pages.
  return (
    <IntlProvider
      locale={locale}
      timeZone={timeZone}
      messages={pickMessages(messages, [...CLIENT_MESSAGES, ...SETTINGS_CLIENT_MESSAGES])}
    >
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav role={member.role} />
      <div className="mt-6">{children}</div>
    </IntlProvider>
  );
}
