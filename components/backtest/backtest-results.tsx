import { CalibrationChart } from "@/components/charts/lazy";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import type { BacktestReport, ScorerReport } from "@/lib/backtest/report";
import type { Format } from "@/lib/format";
import { getBacktest } from "@/server/scoring/backtest";
import { configOf, getShadowVersion, getVersion } from "@/server/scoring/versions";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/server/i18n/format";
import { baselineInSentence, fittedEffects, scorerName } from "./backtest-words";

type BacktestT = Awaited<ReturnType<typeof getTranslations<"backtest">>>;

/** A cutoff is a calendar day ("2026-03-01"): read at noon UTC, it is that day in every reader's time zone. */
const day = (value: string | Date) => (typeof value === "string" ? `${value}T12:00:00Z` : value);

const aucText = (f: Format, s: ScorerReport) =>
  s.auc === null
    ? "—"
    : `${f.decimal(s.auc, 3)}${s.aucInterval ? ` (${f.decimal(s.aucInterval.lo, 3)}–${f.decimal(s.aucInterval.hi, 3)})` : ""}`;

/** Where the version stands against the best baseline on AUC and on the top 10%, in words. */
function verdict(t: BacktestT, f: Format, report: BacktestReport): string[] {
  const [version, ...baselines] = report.scorers;
  const best = (pick: (s: ScorerReport) => number | null) =>
    baselines.reduce<ScorerReport | null>(
      (top, s) => ((pick(s) ?? -1) > (top ? (pick(top) ?? -1) : -1) ? s : top),
      null,
    );
  const lines: string[] = [];
  const byAuc = best((s) => s.auc);
  if (byAuc && version.auc !== null && byAuc.auc !== null) {
    const gap = version.auc - byAuc.auc;
    const values = {
      auc: f.decimal(version.auc, 3),
      best: f.decimal(byAuc.auc, 3),
      baseline: baselineInSentence(t, byAuc),
    };
    lines.push(
      gap > 0 ? t("verdict.aucAhead", values) : t("verdict.aucBehind", { ...values, gap: f.decimal(-gap, 3) }),
    );
  }
  const byLift = best((s) => s.topDecile.lift);
  if (byLift && version.topDecile.lift !== null && byLift.topDecile.lift !== null) {
    const values = {
      lift: f.times(version.topDecile.lift),
      best: f.times(byLift.topDecile.lift),
      baseline: baselineInSentence(t, byLift),
    };
    lines.push(
      version.topDecile.lift >= byLift.topDecile.lift
        ? t("verdict.liftAhead", values)
        : t("verdict.liftBehind", { ...values, gap: f.decimal(byLift.topDecile.lift - version.topDecile.lift, 1) }),
    );
  }
  return lines;
}

/** A version's backtest: the headline, every score against the baselines, calibration and each cutoff. */
export async function BacktestResults({
  versionNumber,
  horizonDays,
  includeProxies,
}: {
  versionNumber: number;
  horizonDays: number;
  includeProxies: boolean;
}) {
  const db = await readDb();
  const [t, f] = await Promise.all([getTranslations("backtest"), getFormat()]);
  const version = await getVersion(db, { number: versionNumber });
  const { report, computedAt } = await getBacktest(db, {
    config: configOf(version),
    versionNumber,
    horizonDays,
    includeProxies,
  });
  if (report.rows === 0 || report.churned === 0) {
    return (
      <EmptyState title={t("results.emptyTitle")}>
        <p>{t("results.empty", { days: horizonDays })}</p>
      </EmptyState>
    );
  }
  const [main, ...baselines] = report.scorers;
  // A version running in shadow is compared on the same customer-months, beside the one shown.
  const shadow = await getShadowVersion(db);
  const shadowScorer =
    shadow && shadow.number !== versionNumber
      ? {
          ...(
            await getBacktest(db, {
              config: configOf(shadow),
              versionNumber: shadow.number,
              horizonDays,
              includeProxies,
            })
          ).report.scorers[0],
          key: "shadow",
          label: t("scorers.shadow", { number: shadow.number }),
        }
      : null;
  const tableScorers = shadowScorer ? [main, shadowScorer, ...baselines] : report.scorers;
  return (
    <div className="space-y-6">
      <Card title={t("results.headline", { number: versionNumber, days: horizonDays })}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("results.headlineFigures")}>
          <div>
            <dt className="text-sm text-slate-600">{t("results.aucInterval")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="backtest-auc">
              {f.decimal(main.auc, 3)}
            </dd>
            <dd className="text-xs text-slate-500">
              {main.aucInterval ? `${f.decimal(main.aucInterval.lo, 3)}–${f.decimal(main.aucInterval.hi, 3)}` : ""} ·{" "}
              {t("results.coinToss", { half: f.decimal(0.5, 1) })}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("results.liftTop")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="backtest-lift">
              {f.times(main.topDecile.lift)}
            </dd>
            <dd className="text-xs text-slate-500">
              {t("results.precisionRecall", {
                precision: f.percent(main.topDecile.precision),
                recall: f.percent(main.topDecile.recall),
              })}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">
              {t("results.atThreshold", { threshold: version.risk.atRiskScore })}
            </dt>
            <dd className="text-2xl font-semibold tabular-nums">{f.percent(main.atThreshold?.recall ?? null)}</dd>
            <dd className="text-xs text-slate-500">
              {t("results.flagged", { precision: f.percent(main.atThreshold?.precision ?? null) })}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("results.customerMonths")}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{f.number(report.rows)}</dd>
            <dd className="text-xs text-slate-500">
              {t("results.churnedWithin", {
                churned: f.number(report.churned),
                days: horizonDays,
                rate: f.percent(report.baseRate),
              })}
            </dd>
          </div>
        </dl>
        <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label={t("results.againstBaselines")}>
          {verdict(t, f, report).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {version.model ? (
          <div className="mt-3 text-sm text-slate-700" data-testid="fitted-note">
            <p>
              {t("results.fitted", {
                trained: f.dateRange(
                  day(version.model.trainedOn.cutoffs[0] ?? computedAt),
                  day(version.model.trainedOn.cutoffs.at(-1) ?? computedAt),
                ),
                validated: version.model.validatedOn.cutoffs
                  .map((cutoff) => f.date(day(cutoff)))
                  .join(t("results.listSeparator")),
                auc: f.decimal(version.model.validatedOn.auc, 3),
              })}
            </p>
            <ul className="mt-1 list-disc space-y-1 pl-5" aria-label={t("results.fitLearned")}>
              {fittedEffects(t, f, configOf(version)).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="mt-3 text-xs text-slate-500">
          {t("results.computed", {
            count: report.cutoffs.length,
            range: f.dateRange(day(report.cutoffs[0] ?? computedAt), day(report.cutoffs.at(-1) ?? computedAt)),
            at: f.dateTime(computedAt),
            zone: f.timeZone,
          })}{" "}
          {includeProxies ? t("results.proxiesIncluded") : t("results.proxiesLeftOut")}
        </p>
      </Card>

      <Card title={t("results.everyScore")}>
        <ScrollRegion label={t("results.scoresAndBaselines")}>
          <table className="w-full text-left text-sm" aria-label={t("results.scoresAndBaselines")}>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1">
                  {t("results.score")}
                </th>
                <th scope="col">{t("results.aucInterval")}</th>
                <th scope="col" className="pl-3 text-right">
                  {t("results.topPrecision")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("results.recall")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("results.lift")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("results.ownerPrecision")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("results.recall")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("results.lift")}
                </th>
              </tr>
            </thead>
            <tbody>
              {tableScorers.map((s) => (
                <tr key={s.key} className="border-t border-slate-100" data-testid={`scorer-${s.key}`}>
                  <th scope="row" className="py-1.5 font-medium">
                    {s.key === "shadow" ? s.label : scorerName(t, s, versionNumber)}
                  </th>
                  <td className="tabular-nums">{aucText(f, s)}</td>
                  <td className="pl-3 text-right tabular-nums">{f.percent(s.topDecile.precision)}</td>
                  <td className="pl-3 text-right tabular-nums">{f.percent(s.topDecile.recall)}</td>
                  <td className="pl-3 text-right tabular-nums">{f.times(s.topDecile.lift)}</td>
                  <td className="pl-3 text-right tabular-nums">{f.percent(s.topPerOwner.precision)}</td>
                  <td className="pl-3 text-right tabular-nums">{f.percent(s.topPerOwner.recall)}</td>
                  <td className="pl-3 text-right tabular-nums">{f.times(s.topPerOwner.lift)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("results.calibrationTitle")}>
          <CalibrationChart
            bins={main.calibration.map((bin) => ({
              label: `${f.decimal(bin.minScore, 1)}–${f.decimal(bin.maxScore, 1)}`,
              churnRate: bin.churnRate,
              customers: bin.customers,
            }))}
          />
          <p className="mt-2 text-sm text-slate-700" data-testid="calibration-verdict">
            {main.calibrationRises ? t("results.calibrationRises") : t("results.calibrationUneven")}
          </p>
          <ScrollRegion label={t("results.calibration")}>
            <table className="mt-2 w-full text-sm" aria-label={t("results.calibration")}>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 text-left">
                    {t("results.scoreBand")}
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    {t("results.customerMonths")}
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    {t("results.churned")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {main.calibration.map((bin) => (
                  <tr key={bin.bin} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal tabular-nums">
                      {f.decimal(bin.minScore, 1)}–{f.decimal(bin.maxScore, 1)}
                    </th>
                    <td className="pl-3 text-right tabular-nums">{f.number(bin.customers)}</td>
                    <td className="pl-3 text-right tabular-nums">{f.percent(bin.churnRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
        <Card title={t("results.eachCutoff")}>
          <ScrollRegion label={t("results.perCutoff")}>
            <table className="w-full text-sm" aria-label={t("results.perCutoff")}>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 text-left">
                    {t("results.cutoff")}
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    {t("results.payingCustomers")}
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    {t("results.churnedWithinDays", { days: horizonDays })}
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    {t("results.rocAuc")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {main.perCutoff.map((c) => (
                  <tr key={c.cutoff} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal tabular-nums">
                      {f.date(day(c.cutoff))}
                    </th>
                    <td className="pl-3 text-right tabular-nums">{f.number(c.customers)}</td>
                    <td className="pl-3 text-right tabular-nums">{f.number(c.churned)}</td>
                    <td className="pl-3 text-right tabular-nums">{f.decimal(c.auc, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      </div>
    </div>
  );
}
