import { Suspense } from "react";
import { ScoringEditor } from "@/components/settings/scoring-editor";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export const metadata = { title: "Scoring" };

export default async function ScoringPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-96" />}>
      <ScoringEditor member={member} />
    </Suspense>
  );
}
