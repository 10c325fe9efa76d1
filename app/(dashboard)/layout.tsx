import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageMember } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requirePageMember();
  return <AppShell member={member}>{children}</AppShell>;
}
