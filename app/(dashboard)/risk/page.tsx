import Link from "next/link";
import { Suspense } from "react";
import { RiskTable, type RiskTableRow } from "@/components/risk/risk-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  FILTER_CONTROL,
  FilterSelect,
  OwnerFilter,
  PlanFilter,
  StageFilter,
} from "@/components/filters/filter-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { getJourneyModels, type JourneyModelWithStages } from "@/server/journey/models";
import { listActiveMembers } from "@/server/team/queries";
import type { RiskListQuery } from "@/server/risk/queries";
import { getRiskPage, type RiskPageRow } from "@/server/risk/page";
import { requirePageMember } from "@/server/auth/session";
import { formatCents } from "@/lib/format";
import { stageForMilestone } from "@/lib/journey/models";
import { ownerParam, readRiskQuery } from "./search-params";
import { first, type SearchParams, withParams } from "@/lib/search-params";

export const metadata = { title: "Debt risk" };

const PAGE_SIZE = 25;

function tableRow(row: RiskPageRow, model: JourneyModelWithStages): RiskTableRow {
  return {
    id: row.id,
    name: row.name,
    detail: [row.company, stageForMilestone(model.stages, row.milestone)?.name, row.ownerName ?? "no owner"]
      .filter(Boolean)
      .join(" · "),
    risk: row.riskScore.toFixed(1),
    mrr: formatCents(row.mrrCents),
    balance: row.balance,
    history: row.history.map((point) => Math.round(point.balance * 10) / 10),
    trend: row.riskTrend,
    silentDays: row.silentDays,
    fatigued: row.fatigued,
    drivers: row.drivers.map((driver) => ({
      id: driver.id,
      label: driver.label,
      summary: driver.summary.slice(0, 60),
      impact: driver.impact.toFixed(1),
      daysAgo: driver.daysAgo,
    })),
    steps: row.steps.map((step) => step.text),
  };
}

async function RiskResults({
  query,
  params,
  model,
}: {
  query: RiskListQuery;
  params: SearchParams;
  model: JourneyModelWithStages;
}) {
  const { rows, total, more } = await getRiskPage(query);
  if (total === 0) {
    return (
      <EmptyState title="Nobody is sliding into debt here">
        <p>
          No customer matching these filters has a risk score.{" "}
          <Link href="/risk?owner=all" className="font-medium text-brand-700 underline">
            See the whole book
          </Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <RiskTable rows={rows.map((row) => tableRow(row, model))} offset={(query.page - 1) * query.pageSize} />
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        more={more}
        noun="customers at risk"
        hrefFor={(page) => withParams("/risk", params, { page })}
      />
    </>
  );
}

export default async function RiskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requirePageMember();
  const [params, models, owners] = await Promise.all([searchParams, getJourneyModels(), listActiveMembers()]);
  const query = readRiskQuery(params, member, models, PAGE_SIZE);
  const model = models.find((m) => m.isDefault) ?? models[0];
  const exportParams = { ...params, owner: ownerParam(params, member), page: undefined };
  return (
    <>
      <PageHeader
        title="Debt risk"
        description="Customers whose bad experiences outweigh the good ones, ranked by risk, with why and what to do next."
        actions={
          <div className="flex items-center gap-3">
            <Link href="/risk/how" className="text-sm font-medium text-brand-700 underline">
              How is this computed?
            </Link>
            <a href={withParams("/risk/export", exportParams, {})} className={buttonClass("secondary")} download>
              Export CSV
            </a>
          </div>
        }
      />
      <form
        method="get"
        role="search"
        aria-label="Filter the risk list"
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        <OwnerFilter owners={owners} value={ownerParam(params, member)} everyone="all" />
        <StageFilter models={models} value={first(params, "stage") ?? ""} />
        <PlanFilter value={query.plan ?? ""} />
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Minimum MRR ($)
          <input
            name="minMrr"
            type="number"
            min={0}
            step={1}
            defaultValue={first(params, "minMrr") ?? ""}
            className={`${FILTER_CONTROL} w-32`}
          />
        </label>
        <FilterSelect label="Sort by" name="sort" defaultValue={query.sort}>
          <option value="risk">Risk</option>
          <option value="mrr">MRR at stake</option>
          <option value="balance">Balance</option>
          <option value="silence">Days silent</option>
        </FilterSelect>
        <FilterSelect label="Order" name="dir" defaultValue={query.direction}>
          <option value="desc">Highest first</option>
          <option value="asc">Lowest first</option>
        </FilterSelect>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
      </form>
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton className="h-96" />}>
        <RiskResults query={query} params={params} model={model} />
      </Suspense>
    </>
  );
}
