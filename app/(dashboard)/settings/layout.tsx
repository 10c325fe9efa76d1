import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageMember } from "@/server/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  // Each settings page checks its own permission: members see their notification settings, managers the rest.
  const member = await requirePageMember("notifications.own");
  return (
    <>
      <PageHeader
        title="Settings"
        description="How you hear about things; for managers and admins, your team, scoring, playbooks and data."
      />
      <SettingsNav role={member.role} />
      <div className="mt-6">{children}</div>
    </>
  );
}
