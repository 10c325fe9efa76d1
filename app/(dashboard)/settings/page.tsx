import { Suspense } from "react";
import { TeamCard } from "@/components/settings/team-card";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-64" />}>
      <TeamCard member={member} />
    </Suspense>
  );
}
