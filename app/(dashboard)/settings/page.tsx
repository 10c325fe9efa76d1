import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { BookSettingsCard } from "@/components/settings/book-settings-card";
import { TeamCard } from "@/components/settings/team-card";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.team") };
}

export default async function SettingsPage() {
  const member = await requirePageMember("settings.read");
  return (
    <div className="space-y-6">
      <Suspense fallback={<Skeleton className="h-64" />}>
        <TeamCard member={member} />
      </Suspense>
      <BookSettingsCard />
    </div>
  );
}
