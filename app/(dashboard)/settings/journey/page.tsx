import { Suspense } from "react";
import { JourneyModelsEditor } from "@/components/settings/journey-models-editor";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export const metadata = { title: "Journey models" };

export default async function JourneyModelsPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-96" />}>
      <JourneyModelsEditor member={member} />
    </Suspense>
  );
}
