import { Link } from "@/components/ui/link";
import { loadBulkOptions } from "@/components/customers/bulk-options";
import { RiskTable, type RiskTableRow } from "@/components/risk/risk-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { countOf, formatCents, formatDecimal, formatSigned } from "@/lib/format";
import { daysUntil } from "@/lib/revenue";
import type { MemberRole } from "@/lib/permissions";
import { stageForMilestone } from "@/lib/journey/models";
import { describeDriver } from "@/lib/risk";
import { type SearchParams, withParams } from "@/lib/search-params";
import type { JourneyModelWithStages } from "@/server/journey/models";
import { getRiskPage, type RiskPageRow } from "@/server/risk/page";
import type { RiskListQuery } from "@/server/risk/queries";
import { getOpenTaskSummary } from "@/server/tasks/queries";

const RENEWS_SOON_DAYS = 30;

function renewalOf(renewsOn: string | null, today: string): { renewal: string | null; renewsSoon: boolean } {
  if (!renewsOn) return { renewal: null, renewsSoon: false };
  const days = daysUntil(renewsOn, today);
  return {
    renewal: days <= 0 ? "renews today" : `renews in ${countOf(days, "day")}`,
    renewsSoon: days <= RENEWS_SOON_DAYS,
  };
}

function tableRow(
  row: RiskPageRow,
  model: JourneyModelWithStages,
  openTasks: { open: number; suggestionKeys: string[] },
  today: string,
): RiskTableRow {
  return {
    id: row.id,
    name: row.name,
    detail: [row.company, stageForMilestone(model.stages, row.milestone)?.name, row.ownerName ?? "no owner"]
      .filter(Boolean)
      .join(" · "),
    risk: formatDecimal(row.riskScore),
    shadowRisk: row.shadowRiskScore === null ? null : formatDecimal(row.shadowRiskScore),
    mrr: formatCents(row.mrrCents),
    arr: formatCents(row.arrCents),
    ...renewalOf(row.nextRenewalOn, today),
    balance: row.balance,
    history: row.history.map((point) => Math.round(point.balance * 10) / 10),
    historyLastDay: row.history.at(-1)?.day ?? "",
    trend: row.riskTrend,
    silentDays: row.silentDays,
    fatigued: row.fatigued,
    drivers: row.drivers.map((driver) => ({
      id: driver.id,
      text: describeDriver({ ...driver, summary: driver.summary.slice(0, 60) }),
      impact: formatSigned(driver.impact),
      daysAgo: driver.daysAgo,
      many: driver.count > 1,
    })),
    steps: row.steps.map((step) => ({
      key: step.key,
      text: step.text,
      task: openTasks.suggestionKeys.includes(step.key),
    })),
    openTasks: openTasks.open,
  };
}

/** One page of the risk list with its pager, or an empty state. */
export async function RiskResults({
  query,
  params,
  model,
  canCreateTasks,
  role,
}: {
  query: RiskListQuery;
  params: SearchParams;
  model: JourneyModelWithStages;
  /** Whether the member may turn a suggested step into a task. */
  canCreateTasks: boolean;
  /** Which bulk actions the bar offers. */
  role: MemberRole;
}) {
  const db = await readDb();
  const { rows, total, more, today } = await getRiskPage(db, query);
  const openTasks = await getOpenTaskSummary(db, { customerIds: rows.map((row) => row.id) });
  if (total === 0) {
    return (
      <EmptyState title={query.view === "watch" ? "Nobody on the watch list here" : "Nobody is at risk here"}>
        <p>
          {query.view === "watch"
            ? "No customer matching these filters has a risk score below the at-risk threshold."
            : "No customer matching these filters has a risk score at or above the at-risk threshold."}{" "}
          <Link
            href={withParams("/risk", params, { owner: "all", page: undefined })}
            className="font-medium text-brand-700 underline"
          >
            See the whole book
          </Link>
          {query.view === "watch" ? null : (
            <>
              {" or "}
              <Link
                href={withParams("/risk", params, { view: "watch", page: undefined })}
                className="font-medium text-brand-700 underline"
              >
                the watch list
              </Link>
            </>
          )}
          .
        </p>
      </EmptyState>
    );
  }
  // "All matching" only when the list counted them all: past its count cap the number is a floor.
  const bulk = await loadBulkOptions(db, { role, list: "risk", params, matching: more ? null : total, model });
  return (
    <>
      <RiskTable
        rows={rows.map((row) => tableRow(row, model, openTasks.get(row.id) ?? { open: 0, suggestionKeys: [] }, today))}
        offset={(query.page - 1) * query.pageSize}
        canCreateTasks={canCreateTasks}
        bulk={bulk}
      />
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        more={more}
        noun={
          query.view === "watch"
            ? { one: "customer on the watch list", many: "customers on the watch list" }
            : { one: "customer at risk", many: "customers at risk" }
        }
        hrefFor={(page) => withParams("/risk", params, { page })}
      />
    </>
  );
}
