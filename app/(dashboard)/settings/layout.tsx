import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageMember } from "@/server/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePageMember("settings.read");
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your team, how the ledger scores experiences, and more as features arrive."
      />
      <SettingsNav />
      <div className="mt-6">{children}</div>
    </>
  );
}
