import { Link } from "@/components/ui/link";
import { loadBulkOptions } from "@/components/customers/bulk-options";
import { RiskTable, type RiskTableRow } from "@/components/risk/risk-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import type { Format } from "@/lib/format";
import { daysUntil } from "@/lib/revenue";
import type { MemberRole } from "@/lib/permissions";
import { stageForMilestone } from "@/lib/journey/models";
import { stageName } from "@/lib/i18n/journey-labels";
import { type SearchParams, withParams } from "@/lib/search-params";
import type { JourneyModelWithStages } from "@/server/journey/models";
import { getRiskPage, type RiskPageRow } from "@/server/risk/page";
import type { RiskListQuery } from "@/server/risk/queries";
import { getOpenTaskSummary } from "@/server/tasks/queries";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/server/i18n/format";
import { driverText, stepText } from "./risk-words";

const RENEWS_SOON_DAYS = 30;

type Words = {
  t: Awaited<ReturnType<typeof getTranslations<"risk">>>;
  tl: Awaited<ReturnType<typeof getTranslations<"labels">>>;
  tj: Awaited<ReturnType<typeof getTranslations<"journey">>>;
  f: Format;
};

function renewalOf(
  t: Words["t"],
  renewsOn: string | null,
  today: string,
): { renewal: string | null; renewsSoon: boolean } {
  if (!renewsOn) return { renewal: null, renewsSoon: false };
  const days = daysUntil(renewsOn, today);
  return {
    renewal: days <= 0 ? t("results.renewsToday") : t("results.renewsIn", { days }),
    renewsSoon: days <= RENEWS_SOON_DAYS,
  };
}

function tableRow(
  { t, tl, tj, f }: Words,
  row: RiskPageRow,
  model: JourneyModelWithStages,
  openTasks: { open: number; suggestionKeys: string[] },
  today: string,
): RiskTableRow {
  const stage = stageForMilestone(model.stages, row.milestone);
  return {
    id: row.id,
    name: row.name,
    detail: [row.company, stage && stageName(tj, model, stage), row.ownerName ?? t("results.noOwner")]
      .filter(Boolean)
      .join(" · "),
    risk: f.decimal(row.riskScore),
    shadowRisk: row.shadowRiskScore === null ? null : f.decimal(row.shadowRiskScore),
    mrr: f.money(row.mrrCents),
    arr: f.money(row.arrCents),
    ...renewalOf(t, row.nextRenewalOn, today),
    balance: row.balance,
    history: row.history.map((point) => Math.round(point.balance * 10) / 10).join(" "),
    historyLastDay: row.history.at(-1)?.day ?? "",
    trend: row.riskTrend,
    silentDays: row.silentDays,
    fatigued: row.fatigued,
    drivers: row.drivers.map((driver) => ({
      id: driver.id,
      text: driverText(t, tl, f, { ...driver, summary: driver.summary.slice(0, 60) }),
      impact: f.signed(driver.impact),
      daysAgo: driver.daysAgo,
      many: driver.count > 1,
    })),
    steps: row.steps.map((step) => ({
      key: step.key,
      text: stepText(t, tl, f, step),
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
  const [t, tl, tj, f] = await Promise.all([
    getTranslations("risk"),
    getTranslations("labels"),
    getTranslations("journey"),
    getFormat(),
  ]);
  const { rows, total, more, today } = await getRiskPage(db, query);
  const openTasks = await getOpenTaskSummary(db, { customerIds: rows.map((row) => row.id) });
  if (total === 0) {
    return (
      <EmptyState title={query.view === "watch" ? t("results.emptyWatchTitle") : t("results.emptyAtRiskTitle")}>
        <p>
          {t.rich(query.view === "watch" ? "results.emptyWatch" : "results.emptyAtRisk", {
            book: (chunks) => (
              <Link
                href={withParams("/risk", params, { owner: "all", page: undefined })}
                className="font-medium text-brand-700 underline"
              >
                {chunks}
              </Link>
            ),
            watch: (chunks) => (
              <Link
                href={withParams("/risk", params, { view: "watch", page: undefined })}
                className="font-medium text-brand-700 underline"
              >
                {chunks}
              </Link>
            ),
          })}
        </p>
      </EmptyState>
    );
  }
  // "All matching" only when the list counted them all: past its count cap the number is a floor.
  const bulk = await loadBulkOptions(db, { role, list: "risk", params, matching: more ? null : total, model });
  return (
    <>
      <RiskTable
        rows={rows.map((row) =>
          tableRow({ t, tl, tj, f }, row, model, openTasks.get(row.id) ?? { open: 0, suggestionKeys: [] }, today),
        )}
        offset={(query.page - 1) * query.pageSize}
        canCreateTasks={canCreateTasks}
        bulk={bulk}
      />
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        more={more}
        counted={(count, number) =>
          query.view === "watch"
            ? t("results.countedWatch", { count, number })
            : t("results.countedAtRisk", { count, number })
        }
        hrefFor={(page) => withParams("/risk", params, { page })}
      />
    </>
  );
}
