import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { JourneyDistribution } from "@/components/journey/journey-distribution";
import { JourneyFiltersForm } from "@/components/journey/journey-filters";
import { JourneyOverTime } from "@/components/journey/journey-over-time";
import { StageCustomers } from "@/components/journey/stage-customers";
import { SavedViews } from "@/components/views/saved-views";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import type { SearchParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { getJourneyModels } from "@/server/journey/models";
import { getHistoryStats } from "@/server/journey/stats";
import { listActiveMembers } from "@/server/team/queries";
import { readJourneyView } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("journey");
  return { title: t("title") };
}

export default async function JourneyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember();
  const [params, models, owners, t] = await Promise.all([
    searchParams,
    getJourneyModels(db),
    listActiveMembers(db),
    getTranslations("journey"),
  ]);
  const { model, filters, stageId, page } = readJourneyView(params, member.id, models);
  // Both widgets read the history statistics: started once here, awaited in each.
  const history = getHistoryStats(db, { model, filters });
  const key = JSON.stringify({ model: model.id, filters });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense fallback={<Skeleton className="h-9 w-48" />}>
        <SavedViews list="journey" member={member} />
      </Suspense>
      <JourneyFiltersForm params={params} model={model} models={models} filters={filters} owners={owners} />
      {stageId ? (
        <Suspense key={`${key}-${stageId}-${page}`} fallback={<Skeleton className="h-48" />}>
          <StageCustomers model={model} stageId={stageId} filters={filters} page={page} params={params} />
        </Suspense>
      ) : null}
      <Suspense key={`dist-${key}`} fallback={<Skeleton className="h-[32rem]" />}>
        <JourneyDistribution model={model} filters={filters} history={history} params={params} />
      </Suspense>
      <Suspense key={`time-${key}`} fallback={<Skeleton className="h-80" />}>
        <JourneyOverTime model={model} history={history} />
      </Suspense>
    </div>
  );
}
