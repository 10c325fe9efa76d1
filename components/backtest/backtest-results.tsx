import { CalibrationChart } from "@/components/charts/lazy";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { describeFittedModel } from "@/lib/backtest/fit";
import type { BacktestReport, ScorerReport } from "@/lib/backtest/report";
import { DISPLAY_TIME_ZONE } from "@/lib/dates";
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDecimal,
  formatNumber,
  formatPercent,
  formatTimes,
} from "@/lib/format";
import { getBacktest } from "@/server/scoring/backtest";
import { configOf, getShadowVersion, getVersion } from "@/server/scoring/versions";
import { ScrollRegion } from "@/components/ui/scroll-region";

const aucText = (s: ScorerReport) =>
  s.auc === null
    ? "—"
    : `${formatDecimal(s.auc, 3)}${s.aucInterval ? ` (${formatDecimal(s.aucInterval.lo, 3)}–${formatDecimal(s.aucInterval.hi, 3)})` : ""}`;

/** Where the version stands against the best baseline on AUC and on the top 10%, in words. */
function verdict(report: BacktestReport): string[] {
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
    lines.push(
      gap > 0
        ? `Ranks churners better than every single input: AUC ${formatDecimal(version.auc, 3)} against ${formatDecimal(byAuc.auc, 3)} for ${byAuc.label.toLowerCase()}, the best of them.`
        : `Falls short of ${byAuc.label.toLowerCase()} by ${formatDecimal(-gap, 3)} AUC (${formatDecimal(version.auc, 3)} against ${formatDecimal(byAuc.auc, 3)}).`,
    );
  }
  const byLift = best((s) => s.topDecile.lift);
  if (byLift && version.topDecile.lift !== null && byLift.topDecile.lift !== null) {
    lines.push(
      version.topDecile.lift >= byLift.topDecile.lift
        ? `Its top 10% hold ${formatTimes(version.topDecile.lift)} the book's churn rate, more than any single input (best: ${formatTimes(byLift.topDecile.lift)}, ${byLift.label.toLowerCase()}).`
        : `In the top 10% it finds churners at ${formatTimes(version.topDecile.lift)} the book's rate, short of ${byLift.label.toLowerCase()} (${formatTimes(byLift.topDecile.lift)}) by ${formatDecimal(byLift.topDecile.lift - version.topDecile.lift, 1)}×.`,
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
  const version = await getVersion(db, { number: versionNumber });
  const { report, computedAt } = await getBacktest(db, {
    config: configOf(version),
    versionNumber,
    horizonDays,
    includeProxies,
  });
  if (report.rows === 0 || report.churned === 0) {
    return (
      <EmptyState title="Not enough history to backtest yet">
        <p>
          A backtest needs paying customers at monthly cutoffs at least {horizonDays} days ago and some who churned
          after them. Try a shorter horizon, or come back when the book has more history.
        </p>
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
          label: `Version ${shadow.number} (in shadow)`,
        }
      : null;
  const tableScorers = shadowScorer ? [main, shadowScorer, ...baselines] : report.scorers;
  return (
    <div className="space-y-6">
      <Card title={`Version ${versionNumber}: does the risk score predict churn within ${horizonDays} days?`}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Headline figures">
          <div>
            <dt className="text-sm text-slate-600">ROC AUC (95% interval)</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="backtest-auc">
              {formatDecimal(main.auc, 3)}
            </dd>
            <dd className="text-xs text-slate-500">
              {main.aucInterval
                ? `${formatDecimal(main.aucInterval.lo, 3)}–${formatDecimal(main.aucInterval.hi, 3)}`
                : ""}{" "}
              · 0.5 is a coin toss
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Lift in the top 10%</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="backtest-lift">
              {formatTimes(main.topDecile.lift)}
            </dd>
            <dd className="text-xs text-slate-500">
              precision {formatPercent(main.topDecile.precision)}, recall {formatPercent(main.topDecile.recall)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">At the at-risk threshold ({version.risk.atRiskScore})</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatPercent(main.atThreshold?.recall ?? null)}</dd>
            <dd className="text-xs text-slate-500">
              of churners were flagged; {formatPercent(main.atThreshold?.precision ?? null)} of those flagged churned
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Customer-months</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatNumber(report.rows)}</dd>
            <dd className="text-xs text-slate-500">
              {formatNumber(report.churned)} churned within {horizonDays} days (base rate{" "}
              {formatPercent(report.baseRate)})
            </dd>
          </div>
        </dl>
        <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label="Against the baselines">
          {verdict(report).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {version.model ? (
          <div className="mt-3 text-sm text-slate-700" data-testid="fitted-note">
            <p>
              Fitted to this book on the cutoffs{" "}
              {formatDateRange(
                version.model.trainedOn.cutoffs[0] ?? computedAt,
                version.model.trainedOn.cutoffs.at(-1) ?? computedAt,
              )}
              : at those its figures are in-sample. On{" "}
              {version.model.validatedOn.cutoffs.map((cutoff) => formatDate(cutoff)).join(", ")}, which the fit never
              saw, it scored AUC {formatDecimal(version.model.validatedOn.auc, 3)}.
            </p>
            <ul className="mt-1 list-disc space-y-1 pl-5" aria-label="What the fit learned">
              {describeFittedModel(configOf(version)).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="mt-3 text-xs text-slate-500">
          {report.cutoffs.length} monthly cutoffs,{" "}
          {formatDateRange(report.cutoffs[0] ?? computedAt, report.cutoffs.at(-1) ?? computedAt)}; computed{" "}
          {formatDateTime(computedAt)} ({DISPLAY_TIME_ZONE}).{" "}
          {includeProxies ? "Outcome proxies included." : "Outcome proxies left out."}
        </p>
      </Card>

      <Card title="Every score on the same customer-months">
        <ScrollRegion label="Scores and baselines">
          <table className="w-full text-left text-sm" aria-label="Scores and baselines">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1">
                  Score
                </th>
                <th scope="col">ROC AUC (95% interval)</th>
                <th scope="col" className="pl-3 text-right">
                  Top 10%: precision
                </th>
                <th scope="col" className="pl-3 text-right">
                  recall
                </th>
                <th scope="col" className="pl-3 text-right">
                  lift
                </th>
                <th scope="col" className="pl-3 text-right">
                  Each owner&apos;s top 25: precision
                </th>
                <th scope="col" className="pl-3 text-right">
                  recall
                </th>
                <th scope="col" className="pl-3 text-right">
                  lift
                </th>
              </tr>
            </thead>
            <tbody>
              {tableScorers.map((s) => (
                <tr key={s.key} className="border-t border-slate-100" data-testid={`scorer-${s.key}`}>
                  <th scope="row" className="py-1.5 font-medium">
                    {s.label}
                  </th>
                  <td className="tabular-nums">{aucText(s)}</td>
                  <td className="pl-3 text-right tabular-nums">{formatPercent(s.topDecile.precision)}</td>
                  <td className="pl-3 text-right tabular-nums">{formatPercent(s.topDecile.recall)}</td>
                  <td className="pl-3 text-right tabular-nums">{formatTimes(s.topDecile.lift)}</td>
                  <td className="pl-3 text-right tabular-nums">{formatPercent(s.topPerOwner.precision)}</td>
                  <td className="pl-3 text-right tabular-nums">{formatPercent(s.topPerOwner.recall)}</td>
                  <td className="pl-3 text-right tabular-nums">{formatTimes(s.topPerOwner.lift)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Calibration: observed churn per score band">
          <CalibrationChart
            bins={main.calibration.map((bin) => ({
              label: `${formatDecimal(bin.minScore, 1)}–${formatDecimal(bin.maxScore, 1)}`,
              churnRate: bin.churnRate,
              customers: bin.customers,
            }))}
          />
          <p className="mt-2 text-sm text-slate-700" data-testid="calibration-verdict">
            {main.calibrationRises
              ? "The churn rate rises with the score: a higher score means more churn."
              : "The churn rate does not rise steadily with the score: some bands churn more than the band above."}
          </p>
          <ScrollRegion label="Calibration">
            <table className="mt-2 w-full text-sm" aria-label="Calibration">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 text-left">
                    Score band
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    Customer-months
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    Churned
                  </th>
                </tr>
              </thead>
              <tbody>
                {main.calibration.map((bin) => (
                  <tr key={bin.bin} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal tabular-nums">
                      {formatDecimal(bin.minScore, 1)}–{formatDecimal(bin.maxScore, 1)}
                    </th>
                    <td className="pl-3 text-right tabular-nums">{formatNumber(bin.customers)}</td>
                    <td className="pl-3 text-right tabular-nums">{formatPercent(bin.churnRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
        <Card title="At each cutoff">
          <ScrollRegion label="Per cutoff">
            <table className="w-full text-sm" aria-label="Per cutoff">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 text-left">
                    Cutoff
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    Paying customers
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    Churned within {horizonDays} days
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    ROC AUC
                  </th>
                </tr>
              </thead>
              <tbody>
                {main.perCutoff.map((c) => (
                  <tr key={c.cutoff} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal tabular-nums">
                      {formatDate(c.cutoff)}
                    </th>
                    <td className="pl-3 text-right tabular-nums">{formatNumber(c.customers)}</td>
                    <td className="pl-3 text-right tabular-nums">{formatNumber(c.churned)}</td>
                    <td className="pl-3 text-right tabular-nums">{formatDecimal(c.auc, 3)}</td>
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
