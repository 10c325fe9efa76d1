import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageMember } from "@/server/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  // Each settings page checks its own permission: members see their notification settings, managers the rest.
  const member = await requirePageMember("notifications.own");
  const t = await getTranslations("common.settingsNav");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav role={member.role} />
      <div className="mt-6">{children}</div>
    </>
  );
}
