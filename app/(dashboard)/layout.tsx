import type { ReactNode } from "react";
import { isDatabaseUnavailable } from "@/db/connection-error";
import { AppShell } from "@/components/layout/app-shell";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { requirePageMember } from "@/server/auth/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The member is read from the database on every request: that read is where an outage shows first.
  const member = await requirePageMember().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (!member) {
    return (
      <main id="main" className="flex min-h-screen items-center justify-center">
        <DatabaseUnavailable />
      </main>
    );
  }
  return <AppShell member={member}>{children}</AppShell>;
}
