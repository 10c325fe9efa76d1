import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ScoringEditor } from "@/components/settings/scoring-editor";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.scoring") };
}

export default async function ScoringPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-96" />}>
      <ScoringEditor member={member} />
    </Suspense>
  );
}
