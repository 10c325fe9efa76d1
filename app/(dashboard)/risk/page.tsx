import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { RiskFilters } from "@/components/risk/risk-filters";
import { RiskResults } from "@/components/risk/risk-results";
import { RiskViews } from "@/components/risk/risk-views";
import { SavedViews } from "@/components/views/saved-views";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import { can, defaultOwnerScope } from "@/lib/permissions";
import { first, type SearchParams, withParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { getShadowSummary } from "@/server/scoring/shadow";
import { getLiveVersion } from "@/server/scoring/versions";
import { listActiveMembers } from "@/server/team/queries";
import { readRiskQuery } from "@/server/risk/list-params";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("risk.page");
  return { title: t("title") };
}

export default async function RiskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember();
  const t = await getTranslations("risk.page");
  const [params, models, owners, version, shadow] = await Promise.all([
    searchParams,
    getJourneyModels(db),
    listActiveMembers(db),
    getLiveVersion(db),
    getShadowSummary(db),
  ]);
  const query = readRiskQuery(params, member, models);
  const owner = first(params, "owner") ?? defaultOwnerScope(member.role);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex items-center gap-3">
            <Link href="/risk/how" className="text-sm font-medium text-brand-700 underline">
              {t("how")}
            </Link>
            {can(member.role, "backtest.read") ? (
              <Link href="/risk/backtest" className="text-sm font-medium text-brand-700 underline">
                {t("backtest")}
              </Link>
            ) : null}
            <a
              href={withParams("/risk/export", { ...params, owner, page: undefined }, {})}
              className={buttonClass("secondary")}
              download
            >
              {t("export")}
            </a>
          </div>
        }
      />
      <RiskViews
        params={params}
        view={query.view ?? "at-risk"}
        threshold={version.risk.atRiskScore}
        version={version.number}
        versionHref={can(member.role, "settings.read") ? "/settings/scoring" : "/risk/how"}
        shadow={shadow}
      />
      <Suspense fallback={<Skeleton className="mb-4 h-9 w-48" />}>
        <SavedViews list="risk" member={member} />
      </Suspense>
      <RiskFilters params={params} query={query} owner={owner} owners={owners} models={models} />
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton className="h-96" />}>
        <RiskResults
          query={query}
          params={params}
          model={defaultModel(models)}
          canCreateTasks={can(member.role, "tasks.write")}
          role={member.role}
        />
      </Suspense>
    </>
  );
}
