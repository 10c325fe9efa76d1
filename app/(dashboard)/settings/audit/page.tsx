import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditLog } from "@/components/settings/audit-log";
import { Skeleton } from "@/components/ui/skeleton";
import type { SearchParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { readAuditQuery } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("meta.audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageMember("audit.read");
  const params = await searchParams;
  const query = readAuditQuery(params);
  return (
    <Suspense key={JSON.stringify(query)} fallback={<Skeleton className="h-96" />}>
      <AuditLog params={params} query={query} />
    </Suspense>
  );
}
