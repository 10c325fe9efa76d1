import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { useFormat } from "@/components/i18n/use-format";
import type { JourneyModelWithStages } from "@/server/journey/models";
import type { HistoryStats, StageSnapshot } from "@/server/journey/stats";
import { modelName, stageName } from "@/lib/i18n/journey-labels";
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
  const t = useTranslations("journey");
  const f = useFormat();
  const metrics = stageMetrics(snapshot.stages, snapshot.total);
  const name = modelName(t, model);
  const showLedger = model.shape === "stages";
  return (
    <ScrollRegion label={t("table.label", { model: name })} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="stage-table">
        <caption className="sr-only">{t("table.caption", { model: name })}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("table.stage")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.now")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.share")}
            </th>
            {showLedger ? (
              <th scope="col" className="px-3 py-2 text-right">
                {t("table.credit")}
              </th>
            ) : null}
            {showLedger ? (
              <th scope="col" className="px-3 py-2 text-right">
                {t("table.debt")}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.reached")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.toNext")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.fromFirst")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.dropOff")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.medianDays")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.target")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.flags")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("table.regressions")}
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
                    {stageName(t, model, stage)}
                  </Link>
                  <span className="ml-1 text-xs font-normal text-slate-500">
                    {stage.fromMilestone === stage.toMilestone
                      ? t("table.milestone", { number: f.number(stage.fromMilestone) })
                      : t("table.milestoneRange", {
                          from: f.number(stage.fromMilestone),
                          to: f.number(stage.toMilestone),
                        })}
                  </span>
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="stage-now">
                  {f.number(m.now)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{f.percent(m.share)}</td>
                {showLedger ? (
                  <td className="px-3 py-2 text-right tabular-nums text-emerald-700">{f.signed(snap.credit)}</td>
                ) : null}
                {showLedger ? (
                  <td className="px-3 py-2 text-right tabular-nums text-red-700">{f.signed(snap.debt)}</td>
                ) : null}
                <td className="px-3 py-2 text-right tabular-nums">{f.number(m.reached)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{f.percent(m.conversionToNext)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{f.percent(m.cumulativeConversion)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{f.percent(m.dropOff)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {h?.medianDays === null || h?.medianDays === undefined ? "—" : f.decimal(h.medianDays)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {t("table.targetDays", { days: f.number(stage.targetDays) })}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  <span className="text-emerald-700">{f.number(h?.onTrack ?? 0)}</span> /{" "}
                  <span className="text-amber-700">{f.number(h?.behind ?? 0)}</span> /{" "}
                  <span className="text-red-700">{f.number(h?.stuck ?? 0)}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{f.number(h?.regressions ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t border-slate-200 text-slate-600">
          <tr>
            <th scope="row" className="px-3 py-2 font-medium">
              {t("table.book")}
            </th>
            <td className="px-3 py-2 text-right tabular-nums" data-testid="book-total">
              {f.number(snapshot.total)}
            </td>
            <td colSpan={showLedger ? 13 : 11} className="px-3 py-2 text-xs">
              {t("table.footnote")}
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
