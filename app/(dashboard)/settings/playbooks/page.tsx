import { Suspense } from "react";
import { PlaybookList } from "@/components/playbooks/playbook-list";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export const metadata = { title: "Playbooks" };

export default async function PlaybooksPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-64" />}>
      <PlaybookList member={member} />
    </Suspense>
  );
}
