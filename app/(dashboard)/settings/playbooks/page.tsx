import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PlaybookList } from "@/components/playbooks/playbook-list";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.playbooks") };
}

export default async function PlaybooksPage() {
  const member = await requirePageMember("settings.read");
  return (
    <Suspense fallback={<Skeleton className="h-64" />}>
      <PlaybookList member={member} />
    </Suspense>
  );
}
