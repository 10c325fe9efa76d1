import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { Link } from "@/components/ui/link";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { modelName, stageName } from "@/lib/i18n/journey-labels";
import { stageForMilestone } from "@/lib/journey/models";
import { daysUntil, type MovementKind } from "@/lib/revenue";
import { COHORT_MONTHS, dayOf, type RevenuePeriod, trailingYear } from "@/lib/revenue-period";
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
  const [bridge, t, f] = await Promise.all([
    getArrBridge(db, { from: scope.period.from, to: scope.period.to, ownerId: scope.ownerId }),
    getTranslations("revenue"),
    getFormat(),
  ]);
  const lines: {
    key: MovementKind | "start" | "end";
    label: string;
    cents: number;
    sign: string;
    kind: BridgeStep["kind"];
  }[] = [
    {
      key: "start",
      label: t("bridge.arrOn", { date: f.date(scope.period.fromDay) }),
      cents: bridge.startCents,
      sign: "",
      kind: "total",
    },
    { key: "new", label: t("movementKinds.new"), cents: bridge.new, sign: "+", kind: "gain" },
    { key: "expansion", label: t("movementKinds.expansion"), cents: bridge.expansion, sign: "+", kind: "gain" },
    {
      key: "contraction",
      label: t("movementKinds.contraction"),
      cents: bridge.contraction,
      sign: "−",
      kind: "loss",
    },
    { key: "churn", label: t("movementKinds.churn"), cents: bridge.churn, sign: "−", kind: "loss" },
    {
      key: "reactivation",
      label: t("movementKinds.reactivation"),
      cents: bridge.reactivation,
      sign: "+",
      kind: "gain",
    },
    {
      key: "end",
      label: t("bridge.arrOn", { date: f.date(scope.period.toDay) }),
      cents: bridge.endCents,
      sign: "",
      kind: "total",
    },
  ];
  return (
    <Card title={t("bridge.title", { range: f.dateRange(scope.period.fromDay, scope.period.toDay) })}>
      <div className="grid gap-4 lg:grid-cols-2">
        <ArrBridgeChart
          steps={lines.map((l) => ({
            label: l.key === "start" ? t("bridge.start") : l.key === "end" ? t("bridge.end") : l.label,
            cents: l.cents,
            kind: l.kind,
          }))}
        />
        <table className="w-full text-sm" aria-label={t("bridge.aria")}>
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
                    {f.money(line.cents)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-slate-600">{t("bridge.note")}</p>
    </Card>
  );
}

export async function RetentionCard({ ownerId, now }: Scope) {
  const db = await readDb();
  const { from, to } = trailingYear(now);
  const [retention, t, f] = await Promise.all([
    getRetention(db, { from, to, ownerId }),
    getTranslations("revenue.retention"),
    getFormat(),
  ]);
  return (
    <Card title={t("title")}>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Stat label={t("gross")} value={f.percent(retention.grr)} hint={t("grossHint")} />
        <Stat label={t("net")} value={f.percent(retention.nrr)} hint={t("netHint")} />
      </dl>
      <p className="mt-3 text-xs text-slate-600">
        {t("note", {
          customers: retention.customers,
          arr: f.money(retention.startCents),
          date: f.date(dayOf(from)),
          expansion: f.money(retention.expansionCents),
          contraction: f.money(retention.contractionCents),
          churn: f.money(retention.churnCents),
        })}
      </p>
    </Card>
  );
}

export async function RenewalsCard({ ownerId, now }: Scope) {
  const db = await readDb();
  const today = now.toISOString().slice(0, 10);
  const [{ windows, upcoming, total, threshold }, t, f] = await Promise.all([
    getRenewals(db, { ownerId, today }),
    getTranslations("revenue.renewals"),
    getFormat(),
  ]);
  return (
    <Card title={t("title")}>
      <dl className="grid gap-3 sm:grid-cols-3">
        {windows.map((w) => (
          <Stat
            key={w.days}
            label={t("window", { days: f.number(w.days) })}
            value={f.money(w.arrCents)}
            hint={t("windowHint", {
              customers: w.customers,
              atRisk: f.number(w.atRisk),
              atRiskArr: f.money(w.atRiskArrCents),
            })}
          />
        ))}
      </dl>
      {upcoming.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("aria")}>
          <table className="mt-4 w-full text-left text-sm" aria-label={t("aria")}>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {t("customer")}
                </th>
                <th scope="col" className="pl-3">
                  {t("renews")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("arr")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("risk")}
                </th>
                <th scope="col" className="pl-3">
                  {t("owner")}
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
                      {f.date(r.renewsOn)}{" "}
                      <span className="text-xs text-slate-500">
                        ({days === 0 ? t("today") : t("inDays", { days })})
                      </span>
                    </td>
                    <td className={cell}>{f.money(r.arrCents)}</td>
                    <td className={cell}>
                      {r.atRisk ? (
                        <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                          {t("atRisk")}
                        </span>
                      ) : null}{" "}
                      {f.number(Math.round(r.riskScore))}
                    </td>
                    <td className="pl-3">{r.ownerName ?? t("nobody")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {total > upcoming.length ? (
            <p className="mt-2 text-xs text-slate-600">
              {t("mostUrgent", {
                shown: f.number(upcoming.length),
                total: f.number(total),
                threshold: f.number(threshold),
              })}
            </p>
          ) : null}
        </ScrollRegion>
      )}
    </Card>
  );
}

export async function ArrAtRiskCard({ ownerId }: Scope) {
  const db = await readDb();
  const [{ byOwner, byMilestone, threshold }, models, t, tj, f] = await Promise.all([
    getArrAtRisk(db, ownerId),
    getJourneyModels(db),
    getTranslations("revenue.atRisk"),
    getTranslations("journey"),
    getFormat(),
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
      <Card title={t("title")}>
        <p className="text-sm text-slate-600">{t("empty", { threshold: f.number(threshold) })}</p>
      </Card>
    );
  return (
    <Card title={t("titleThreshold", { threshold: f.number(threshold) })}>
      <div className="grid gap-4 md:grid-cols-2">
        <AtRiskTable
          label={t("byOwner")}
          group={t("owner")}
          rows={byOwner.map((row) => ({
            key: String(row.ownerId ?? "nobody"),
            name: row.ownerName ?? t("nobody"),
            customers: row.customers,
            arrCents: row.arrCents,
            href: row.ownerId === null ? null : `/risk?owner=${row.ownerId}&sort=mrr`,
          }))}
        />
        <AtRiskTable
          label={t("byStage", { model: modelName(tj, model) })}
          group={t("stage", { model: modelName(tj, model) })}
          rows={byStage.map((row) => ({
            key: String(row.stage.id),
            name: stageName(tj, model, row.stage),
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
  const t = useTranslations("revenue.atRisk");
  const f = useFormat();
  return (
    <table className="w-full text-left text-sm" aria-label={label}>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3">
            {group}
          </th>
          <th scope="col" className="pl-3 text-right">
            {t("customers")}
          </th>
          <th scope="col" className="pl-3 text-right">
            {t("arr")}
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
                  {f.number(row.customers)}
                </Link>
              ) : (
                f.number(row.customers)
              )}
            </td>
            <td className={cell}>{f.money(row.arrCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function CohortsCard({ ownerId, now }: Scope) {
  const db = await readDb();
  const [cells, t, f] = await Promise.all([
    getCohorts(db, { ownerId, now, months: COHORT_MONTHS }),
    getTranslations("revenue.cohorts"),
    getFormat(),
  ]);
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  if (cohorts.length === 0)
    return (
      <Card title={t("title")}>
        <EmptyState title={t("emptyTitle")}>{t("empty", { months: f.number(COHORT_MONTHS) })}</EmptyState>
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
    label: f.month(r.cohort),
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
    <Card title={t("titleMonths", { months: f.number(COHORT_MONTHS) })}>
      <CohortChart curves={curves} months={COHORT_MONTHS} />
      <ScrollRegion label={t("tableRegion")}>
        <table className="mt-4 w-full text-sm" aria-label={t("aria")}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 text-left">
                {t("cohort")}
              </th>
              <th scope="col" className="pl-3 text-right">
                {t("customers")}
              </th>
              <th scope="col" className="pl-3 text-right">
                {t("firstMonthArr")}
              </th>
              {Array.from({ length: COHORT_MONTHS }, (_, i) => (
                <th key={i} scope="col" className="pl-2 text-right">
                  {t("month", { month: f.number(i) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.cohort} className="border-t border-slate-100" data-testid="cohort-row">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  {f.month(row.cohort)}
                </th>
                <td className={cell}>{f.number(row.customers)}</td>
                <td className={cell}>{f.money(row.baseArr)}</td>
                {Array.from({ length: COHORT_MONTHS }, (_, i) => {
                  const month = row.months[i];
                  return (
                    <td key={i} className={`py-1.5 pl-2 text-right tabular-nums ${shade(month?.revenue ?? null)}`}>
                      {month ? (
                        <>
                          {f.percent(month.revenue, 0)}
                          <span className="block text-xs text-slate-600">
                            {t("customersKept", { share: f.percent(month.customers, 0) })}
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
      <p className="mt-2 text-xs text-slate-600">{t("note")}</p>
    </Card>
  );
}
