import { Link } from "@/components/ui/link";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { readDb } from "@/server/reads/read-db";
import { stageForMilestone } from "@/lib/journey/models";
import {
  countOf,
  formatCents,
  formatDate,
  formatDateRange,
  formatMonth,
  formatNumber,
  formatPercent,
} from "@/lib/format";
import { daysUntil, MOVEMENT_LABELS, type MovementKind } from "@/lib/revenue";
import { COHORT_MONTHS, type RevenuePeriod, trailingYear } from "@/lib/revenue-period";
import { withParams } from "@/lib/search-params";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { getArrAtRisk, getArrBridge, getCohorts, getRenewals, getRetention } from "@/server/revenue/queries";
import type { BridgeStep } from "@/components/charts/arr-bridge-chart";
import type { CohortCurve } from "@/components/charts/cohort-chart";
import { ArrBridgeChart, CohortChart } from "@/components/charts/lazy";

type Scope = { period: RevenuePeriod; ownerId: number | null; now: Date };

/** Where a figure's customers are listed: the movements (or the paying customers) behind it. */
function movementsHref(scope: Scope, kind: MovementKind | "start" | "end") {
  return withParams(
    "/revenue/movements",
    {},
    {
      kind,
      from: scope.period.fromDay,
      to: scope.period.toDay,
      owner: scope.ownerId === null ? undefined : String(scope.ownerId),
    },
  );
}

const cell = "py-1.5 pl-3 text-right tabular-nums";

export async function ArrBridgeCard(scope: Scope) {
  const db = await readDb();
  const bridge = await getArrBridge(db, { from: scope.period.from, to: scope.period.to, ownerId: scope.ownerId });
  const lines: {
    key: MovementKind | "start" | "end";
    label: string;
    cents: number;
    sign: string;
    kind: BridgeStep["kind"];
  }[] = [
    {
      key: "start",
      label: `ARR on ${formatDate(scope.period.from, "UTC")}`,
      cents: bridge.startCents,
      sign: "",
      kind: "total",
    },
    { key: "new", label: MOVEMENT_LABELS.new, cents: bridge.new, sign: "+", kind: "gain" },
    { key: "expansion", label: MOVEMENT_LABELS.expansion, cents: bridge.expansion, sign: "+", kind: "gain" },
    { key: "contraction", label: MOVEMENT_LABELS.contraction, cents: bridge.contraction, sign: "−", kind: "loss" },
    { key: "churn", label: MOVEMENT_LABELS.churn, cents: bridge.churn, sign: "−", kind: "loss" },
    { key: "reactivation", label: MOVEMENT_LABELS.reactivation, cents: bridge.reactivation, sign: "+", kind: "gain" },
    {
      key: "end",
      label: `ARR on ${formatDate(scope.period.toDay, "UTC")}`,
      cents: bridge.endCents,
      sign: "",
      kind: "total",
    },
  ];
  return (
    <Card title={`ARR bridge, ${formatDateRange(scope.period.from, scope.period.toDay, "UTC")}`}>
      <div className="grid gap-4 lg:grid-cols-2">
        <ArrBridgeChart
          steps={lines.map((l) => ({
            label: l.key === "start" ? "Start" : l.key === "end" ? "End" : l.label,
            cents: l.cents,
            kind: l.kind,
          }))}
        />
        <table className="w-full text-sm" aria-label="ARR bridge">
          <tbody>
            {lines.map((line) => (
              <tr
                key={line.key}
                className={`border-t border-slate-100 ${line.kind === "total" ? "font-semibold" : ""}`}
              >
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  {line.sign ? `${line.sign} ` : ""}
                  {line.label}
                </th>
                <td className={cell}>
                  <Link href={movementsHref(scope, line.key)} className="text-brand-700 underline">
                    {line.cents === 0 ? "" : line.sign}
                    {formatCents(line.cents)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-slate-600">
        Start + new + expansion − contraction − churn + reactivation = end, to the cent. A figure opens the movements
        (or customers) behind it.
      </p>
    </Card>
  );
}

export async function RetentionCard({ ownerId, now }: Scope) {
  const db = await readDb();
  const { from, to } = trailingYear(now);
  const retention = await getRetention(db, { from, to, ownerId });
  const hint = `${countOf(retention.customers, "customer")} paying ${formatCents(retention.startCents)} ARR on ${formatDate(from, "UTC")}`;
  return (
    <Card title="Revenue retention, trailing 12 months">
      <dl className="grid gap-3 sm:grid-cols-2">
        <Stat
          label="Gross revenue retention"
          value={formatPercent(retention.grr)}
          hint="(start − contraction − churn) ÷ start"
        />
        <Stat
          label="Net revenue retention"
          value={formatPercent(retention.nrr)}
          hint="(start + expansion − contraction − churn) ÷ start"
        />
      </dl>
      <p className="mt-3 text-xs text-slate-600">
        Of the {hint}: expansion {formatCents(retention.expansionCents)}, contraction{" "}
        {formatCents(retention.contractionCents)}, churn {formatCents(retention.churnCents)}. Their new subscriptions
        after churning (reactivations) are not counted.
      </p>
    </Card>
  );
}

export async function RenewalsCard({ ownerId, now }: Scope) {
  const db = await readDb();
  const today = now.toISOString().slice(0, 10);
  const { windows, upcoming, total, threshold } = await getRenewals(db, { ownerId, today });
  return (
    <Card title="Renewals">
      <dl className="grid gap-3 sm:grid-cols-3">
        {windows.map((w) => (
          <Stat
            key={w.days}
            label={`Next ${w.days} days`}
            value={formatCents(w.arrCents)}
            hint={`${countOf(w.customers, "customer")}; ${formatNumber(w.atRisk)} at risk (${formatCents(w.atRiskArrCents)})`}
          />
        ))}
      </dl>
      {upcoming.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No active customer renews in the next 90 days.</p>
      ) : (
        <ScrollRegion label="Renewals in the next 90 days">
          <table className="mt-4 w-full text-left text-sm" aria-label="Renewals in the next 90 days">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Customer
                </th>
                <th scope="col" className="pl-3">
                  Renews
                </th>
                <th scope="col" className="pl-3 text-right">
                  ARR
                </th>
                <th scope="col" className="pl-3 text-right">
                  Risk
                </th>
                <th scope="col" className="pl-3">
                  Owner
                </th>
              </tr>
            </thead>
            <tbody>
              {upcoming.map((r) => {
                const days = daysUntil(r.renewsOn, today);
                return (
                  <tr key={r.id} className="border-t border-slate-100" data-testid="renewal-row">
                    <th scope="row" className="py-1.5 pr-3 font-medium">
                      <Link href={`/customers/${r.id}`} className="text-brand-700 underline">
                        {r.name}
                      </Link>
                      {r.company ? <span className="block text-xs font-normal text-slate-500">{r.company}</span> : null}
                    </th>
                    <td className="pl-3">
                      {formatDate(r.renewsOn, "UTC")}{" "}
                      <span className="text-xs text-slate-500">
                        ({days === 0 ? "today" : `in ${countOf(days, "day")}`})
                      </span>
                    </td>
                    <td className={cell}>{formatCents(r.arrCents)}</td>
                    <td className={cell}>
                      {r.atRisk ? (
                        <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                          At risk
                        </span>
                      ) : null}{" "}
                      {formatNumber(Math.round(r.riskScore))}
                    </td>
                    <td className="pl-3">{r.ownerName ?? "Nobody"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {total > upcoming.length ? (
            <p className="mt-2 text-xs text-slate-600">
              The {formatNumber(upcoming.length)} most urgent of {formatNumber(total)}: at risk (score {threshold} or
              more) first, then the soonest.
            </p>
          ) : null}
        </ScrollRegion>
      )}
    </Card>
  );
}

export async function ArrAtRiskCard({ ownerId }: Scope) {
  const db = await readDb();
  const [{ byOwner, byMilestone, threshold }, models] = await Promise.all([
    getArrAtRisk(db, ownerId),
    getJourneyModels(db),
  ]);
  const model = defaultModel(models);
  const byStage = model.stages
    .map((stage) => {
      const rows = byMilestone.filter((r) => stageForMilestone([stage], r.milestone));
      return {
        stage,
        customers: rows.reduce((sum, r) => sum + r.customers, 0),
        arrCents: rows.reduce((sum, r) => sum + r.arrCents, 0),
      };
    })
    .filter((row) => row.customers > 0);
  if (byOwner.length === 0)
    return (
      <Card title="ARR at risk">
        <p className="text-sm text-slate-600">No paying customer has a risk score of {threshold} or more.</p>
      </Card>
    );
  return (
    <Card title={`ARR at risk (risk score ${threshold} or more)`}>
      <div className="grid gap-4 md:grid-cols-2">
        <AtRiskTable
          label="ARR at risk by owner"
          group="Owner"
          rows={byOwner.map((row) => ({
            key: String(row.ownerId ?? "nobody"),
            name: row.ownerName ?? "Nobody",
            customers: row.customers,
            arrCents: row.arrCents,
            href: row.ownerId === null ? null : `/risk?owner=${row.ownerId}&sort=mrr`,
          }))}
        />
        <AtRiskTable
          label={`ARR at risk by stage (${model.name})`}
          group={`Stage (${model.name})`}
          rows={byStage.map((row) => ({
            key: String(row.stage.id),
            name: row.stage.name,
            customers: row.customers,
            arrCents: row.arrCents,
            href: `/risk?stage=${row.stage.id}&owner=${ownerId ?? "all"}&sort=mrr`,
          }))}
        />
      </div>
    </Card>
  );
}

/** A group's customers at risk (opening them on the risk list) and their ARR. */
function AtRiskTable({
  label,
  group,
  rows,
}: {
  label: string;
  group: string;
  rows: { key: string; name: string; customers: number; arrCents: number; href: string | null }[];
}) {
  return (
    <table className="w-full text-left text-sm" aria-label={label}>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3">
            {group}
          </th>
          <th scope="col" className="pl-3 text-right">
            Customers
          </th>
          <th scope="col" className="pl-3 text-right">
            ARR
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100">
            <th scope="row" className="py-1.5 pr-3 font-medium">
              {row.name}
            </th>
            <td className={cell}>
              {row.href ? (
                <Link href={row.href} className="text-brand-700 underline">
                  {formatNumber(row.customers)}
                </Link>
              ) : (
                formatNumber(row.customers)
              )}
            </td>
            <td className={cell}>{formatCents(row.arrCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function CohortsCard({ ownerId, now }: Scope) {
  const db = await readDb();
  const cells = await getCohorts(db, { ownerId, now, months: COHORT_MONTHS });
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  if (cohorts.length === 0)
    return (
      <Card title="Cohorts">
        <EmptyState title="No cohorts yet">No customer started paying in the last {COHORT_MONTHS} months.</EmptyState>
      </Card>
    );
  const rows = cohorts.map((cohort) => {
    const own = cells.filter((c) => c.cohort === cohort);
    const base = own[0];
    return {
      cohort,
      customers: base.customers,
      baseArr: base.arrCents,
      months: own.map((c) => ({
        customers: base.customers > 0 ? c.retained / base.customers : null,
        revenue: base.arrCents > 0 ? c.arrCents / base.arrCents : null,
      })),
    };
  });
  const curves: CohortCurve[] = rows.map((r) => ({
    cohort: r.cohort,
    label: formatMonth(r.cohort, "UTC"),
    retained: r.months.map((m) => m.revenue),
  }));
  const shade = (share: number | null) =>
    share === null
      ? ""
      : share >= 1
        ? "bg-emerald-100"
        : share >= 0.9
          ? "bg-emerald-50"
          : share >= 0.7
            ? "bg-amber-50"
            : "bg-red-50";
  return (
    <Card title={`Cohorts by month of first revenue, last ${COHORT_MONTHS} months`}>
      <CohortChart curves={curves} months={COHORT_MONTHS} />
      <ScrollRegion label="Cohort retention table">
        <table className="mt-4 w-full text-sm" aria-label="Revenue and customers kept by cohort and month">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 text-left">
                Cohort
              </th>
              <th scope="col" className="pl-3 text-right">
                Customers
              </th>
              <th scope="col" className="pl-3 text-right">
                First month ARR
              </th>
              {Array.from({ length: COHORT_MONTHS }, (_, i) => (
                <th key={i} scope="col" className="pl-2 text-right">
                  {`M${i}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.cohort} className="border-t border-slate-100" data-testid="cohort-row">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  {formatMonth(row.cohort, "UTC")}
                </th>
                <td className={cell}>{formatNumber(row.customers)}</td>
                <td className={cell}>{formatCents(row.baseArr)}</td>
                {Array.from({ length: COHORT_MONTHS }, (_, i) => {
                  const month = row.months[i];
                  return (
                    <td key={i} className={`py-1.5 pl-2 text-right tabular-nums ${shade(month?.revenue ?? null)}`}>
                      {month ? (
                        <>
                          {formatPercent(month.revenue, 0)}
                          <span className="block text-xs text-slate-600">
                            {formatPercent(month.customers, 0)} cust.
                          </span>
                        </>
                      ) : (
                        ""
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-2 text-xs text-slate-600">
        Each cell: the cohort&apos;s ARR at the end of that month as a share of its first month&apos;s, and below it the
        share of its customers still paying.
      </p>
    </Card>
  );
}
