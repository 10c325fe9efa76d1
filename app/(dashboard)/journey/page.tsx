import Link from "next/link";
import { cache, Suspense } from "react";
import { JourneyShapeChart, StageAreaChart } from "@/components/charts/lazy";
import { StageTable } from "@/components/journey/stage-table";
import { WeeklyStageTable } from "@/components/journey/weekly-stage-table";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect, OwnerFilter, PlanFilter } from "@/components/filters/filter-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { getJourneyModels, type JourneyModelWithStages } from "@/server/journey/models";
import { getHistoryStats, getStageCustomers, getStageSnapshot } from "@/server/journey/stats";
import { listActiveMembers } from "@/server/team/queries";
import { requirePageMember } from "@/server/auth/session";
import { formatDate, DISPLAY_TIME_ZONE, formatTime } from "@/lib/dates";
import { formatCents } from "@/lib/format";
import type { JourneyFilters } from "@/lib/journey/filters";
import { stageFlag } from "@/lib/journey/filters";
import { cohortMonths, readJourneyFilters } from "./search-params";
import { milestoneLabel } from "@/lib/journey/models";
import { first, idParam, pageParam, param, type SearchParams, withParams } from "@/lib/search-params";

export const metadata = { title: "Journey" };

// Both widgets below read the history statistics: compute them once per request.
const loadHistory = cache((modelId: number, filtersKey: string, model: JourneyModelWithStages) =>
  getHistoryStats(model, JSON.parse(filtersKey) as JourneyFilters),
);

async function Distribution({
  model,
  filters,
  params,
}: {
  model: JourneyModelWithStages;
  filters: JourneyFilters;
  params: SearchParams;
}) {
  const [snapshot, history] = await Promise.all([
    getStageSnapshot(model, filters),
    loadHistory(model.id, JSON.stringify(filters), model),
  ]);
  if (snapshot.total === 0) {
    return (
      <EmptyState title="No customers match these filters">
        <p>
          <Link href={`/journey?model=${model.key}`} className="font-medium text-brand-700 underline">
            Clear the filters
          </Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <Card
        title={
          model.shape === "funnel"
            ? `${model.name}: customers who reached each stage`
            : `${model.name}: customers in each stage now`
        }
      >
        <JourneyShapeChart
          shape={model.shape}
          data={model.stages.map((stage, i) => ({
            name: stage.name,
            count: snapshot.stages[i].now,
            reached: snapshot.stages[i].reached,
          }))}
        />
      </Card>
      <StageTable
        model={model}
        snapshot={snapshot}
        history={history}
        stageHref={(stageId) => withParams("/journey", params, { stage: stageId, page: undefined })}
      />
      <p className="text-xs text-slate-500">
        Counts are live. Time in stage, regressions and on-track flags as of {formatDate(history.computedAt)}{" "}
        {formatTime(history.computedAt, DISPLAY_TIME_ZONE)} ({DISPLAY_TIME_ZONE}).
      </p>
    </div>
  );
}

async function OverTime({ model, filters }: { model: JourneyModelWithStages; filters: JourneyFilters }) {
  const history = await loadHistory(model.id, JSON.stringify(filters), model);
  const series = model.stages.map((stage) => ({
    key: `s${stage.id}`,
    name: stage.name,
    values: history.weekly[stage.id] ?? [],
  }));
  return (
    <Card title="Distribution over the last 12 months (end of each week)">
      <StageAreaChart weeks={history.weekStarts} series={series} />
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Show as a table</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <WeeklyStageTable weeks={history.weekStarts} series={series} />
        </div>
      </details>
    </Card>
  );
}

async function StageCustomers({
  model,
  stageId,
  filters,
  page,
  params,
}: {
  model: JourneyModelWithStages;
  stageId: number;
  filters: JourneyFilters;
  page: number;
  params: SearchParams;
}) {
  const stage = model.stages.find((s) => s.id === stageId);
  if (!stage) return null;
  const { rows, total } = await getStageCustomers(stage, filters, page);
  const flagStyle = { on_track: "text-emerald-700", behind: "text-amber-700", stuck: "text-red-700" } as const;
  const flagLabel = { on_track: "on track", behind: "behind", stuck: "stuck" } as const;
  return (
    <Card
      title={`In ${stage.name} now (target ${stage.targetDays} days)`}
      action={
        <Link
          href={withParams("/journey", params, { stage: undefined, page: undefined })}
          className="text-sm text-slate-600 underline"
        >
          Close
        </Link>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody is in this stage.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label={`Customers in ${stage.name}`}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                Customer
              </th>
              <th scope="col">Milestone</th>
              <th scope="col">Owner</th>
              <th scope="col" className="text-right">
                MRR
              </th>
              <th scope="col" className="text-right">
                Days in stage
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const flag = row.days_in_stage === null ? null : stageFlag(row.days_in_stage, stage.targetDays);
              return (
                <tr key={row.id} className="border-t border-slate-100">
                  <td className="py-1.5">
                    <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.name}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">{row.company}</span>
                  </td>
                  <td>{milestoneLabel(row.milestone)}</td>
                  <td>{row.owner_name ?? "—"}</td>
                  <td className="text-right tabular-nums">{formatCents(row.mrr_cents)}</td>
                  <td className="text-right tabular-nums">
                    {row.days_in_stage ?? "—"}{" "}
                    {flag ? (
                      <span className={`ml-1 text-xs font-medium ${flagStyle[flag]}`}>{flagLabel[flag]}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination
        page={page}
        pageSize={25}
        total={total}
        noun="customers"
        hrefFor={(p) => withParams("/journey", params, { page: p })}
      />
    </Card>
  );
}

export default async function JourneyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requirePageMember();
  const [params, models, owners] = await Promise.all([searchParams, getJourneyModels(), listActiveMembers()]);
  const model = models.find((m) => m.key === first(params, "model")) ?? models.find((m) => m.isDefault) ?? models[0];
  const filters = readJourneyFilters(params, member);
  const stageId = param(params, "stage", idParam("smallint").optional(), undefined);
  const page = param(params, "page", pageParam, 1);
  const key = JSON.stringify({ model: model.id, filters });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Journey"
        description="Where the book stands and where customers drop off, under each journey model."
      />
      <nav aria-label="Journey model" className="flex flex-wrap gap-2">
        {models.map((m) => (
          <Link
            key={m.id}
            href={withParams("/journey", params, { model: m.key, stage: undefined, page: undefined })}
            aria-current={m.id === model.id ? "page" : undefined}
            className={`rounded-full px-4 py-1.5 text-sm font-medium ${m.id === model.id ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"}`}
          >
            {m.name}
          </Link>
        ))}
      </nav>
      <form method="get" role="search" aria-label="Filter the journey" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="model" value={model.key} />
        <OwnerFilter owners={owners} value={first(params, "owner") ?? ""} />
        <PlanFilter value={filters.plan ?? ""} />
        <FilterSelect label="Signed up in" name="cohort" defaultValue={filters.cohort ?? ""}>
          <option value="">Any month</option>
          {cohortMonths().map((month) => (
            <option key={month} value={month}>
              {month}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Status" name="status" defaultValue={filters.status}>
          <option value="active">Active</option>
          <option value="churned">Churned</option>
          <option value="all">All</option>
        </FilterSelect>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
      </form>
      {stageId ? (
        <Suspense key={`${key}-${stageId}-${page}`} fallback={<Skeleton className="h-48" />}>
          <StageCustomers model={model} stageId={stageId} filters={filters} page={page} params={params} />
        </Suspense>
      ) : null}
      <Suspense key={`dist-${key}`} fallback={<Skeleton className="h-[32rem]" />}>
        <Distribution model={model} filters={filters} params={params} />
      </Suspense>
      <Suspense key={`time-${key}`} fallback={<Skeleton className="h-80" />}>
        <OverTime model={model} filters={filters} />
      </Suspense>
    </div>
  );
}
