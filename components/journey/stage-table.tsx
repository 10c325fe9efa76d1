import { Link } from "@/components/ui/link";
import type { JourneyModelWithStages } from "@/server/journey/models";
import type { HistoryStats, StageSnapshot } from "@/server/journey/stats";
import { formatDecimal, formatNumber, formatPercent, formatSigned } from "@/lib/format";
import { stageMetrics } from "@/lib/journey/metrics";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Every number behind the chart, readable by screen readers, tests and copy-paste. */
export function StageTable({
  model,
  snapshot,
  history,
  stageHref,
}: {
  model: JourneyModelWithStages;
  snapshot: { stages: StageSnapshot[]; total: number };
  history: HistoryStats;
  stageHref: (stageId: number) => string;
}) {
  const metrics = stageMetrics(snapshot.stages, snapshot.total);
  const showLedger = model.shape === "stages";
  return (
    <ScrollRegion label={`${model.name} by stage`} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="stage-table">
        <caption className="sr-only">
          {model.name}: customers per stage, conversion, time in stage and regressions
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Stage
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Now
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Share
            </th>
            {showLedger ? (
              <th scope="col" className="px-3 py-2 text-right">
                Credit
              </th>
            ) : null}
            {showLedger ? (
              <th scope="col" className="px-3 py-2 text-right">
                Debt
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 text-right">
              Reached
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              To next
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              From first
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Drop-off
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Median days
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Target
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              On track / behind / stuck
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Regressions
            </th>
          </tr>
        </thead>
        <tbody>
          {model.stages.map((stage, index) => {
            const m = metrics[index];
            const h = history.stages.find((s) => s.stageId === stage.id);
            const snap = snapshot.stages[index];
            return (
              <tr key={stage.id} data-stage={stage.name} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={stageHref(stage.id)} className="text-brand-700 hover:underline">
                    {stage.name}
                  </Link>
                  <span className="ml-1 text-xs font-normal text-slate-500">
                    {stage.fromMilestone === stage.toMilestone
                      ? `m${stage.fromMilestone}`
                      : `m${stage.fromMilestone}–${stage.toMilestone}`}
                  </span>
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="stage-now">
                  {formatNumber(m.now)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatPercent(m.share)}</td>
                {showLedger ? (
                  <td className="px-3 py-2 text-right tabular-nums text-emerald-700">{formatSigned(snap.credit)}</td>
                ) : null}
                {showLedger ? (
                  <td className="px-3 py-2 text-right tabular-nums text-red-700">{formatSigned(snap.debt)}</td>
                ) : null}
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(m.reached)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatPercent(m.conversionToNext)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatPercent(m.cumulativeConversion)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatPercent(m.dropOff)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {h?.medianDays === null || h?.medianDays === undefined ? "—" : formatDecimal(h.medianDays)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{stage.targetDays} d</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  <span className="text-emerald-700">{h?.onTrack ?? 0}</span> /{" "}
                  <span className="text-amber-700">{h?.behind ?? 0}</span> /{" "}
                  <span className="text-red-700">{h?.stuck ?? 0}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{h?.regressions ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t border-slate-200 text-slate-600">
          <tr>
            <th scope="row" className="px-3 py-2 font-medium">
              Book
            </th>
            <td className="px-3 py-2 text-right tabular-nums" data-testid="book-total">
              {formatNumber(snapshot.total)}
            </td>
            <td colSpan={showLedger ? 13 : 11} className="px-3 py-2 text-xs">
              Reached counts customers whose furthest milestone ever is at or past the stage; regressions are moves back
              out of it.
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
