import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { JourneyModelsEditor } from "@/components/settings/journey-models-editor";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.journey") };
}

export default async function JourneyModelsPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-96" />}>
      <JourneyModelsEditor member={member} />
    </Suspense>
  );
}
