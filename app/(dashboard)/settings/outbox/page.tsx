import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { OutboxList } from "@/components/outreach/outbox-list";
import { Skeleton } from "@/components/ui/skeleton";
import { param, type SearchParams, idParam } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.outbox") };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requirePageMember("settings.read");
  const before = param(await searchParams, "before", idParam().optional(), undefined);
  return (
    <Suspense key={before ?? "first"} fallback={<Skeleton className="h-64" />}>
      <OutboxList member={member} before={before} />
    </Suspense>
  );
}
