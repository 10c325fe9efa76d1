import { getTranslations } from "next-intl/server";
import { StageAreaChart } from "@/components/charts/lazy";
import { FoldedWeeklyTable } from "@/components/journey/weekly-stage-table";
import { Card } from "@/components/ui/card";
import { stageName } from "@/lib/i18n/journey-labels";
import type { JourneyModelWithStages } from "@/server/journey/models";
import type { HistoryStats } from "@/server/journey/stats";

/** Stage sizes at the end of each week over the last 12 months, as a chart and a table. */
export async function JourneyOverTime({
  model,
  history: historyPromise,
}: {
  model: JourneyModelWithStages;
  history: Promise<HistoryStats>;
}) {
  const [history, t] = await Promise.all([historyPromise, getTranslations("journey")]);
  const series = model.stages.map((stage) => ({
    key: `s${stage.id}`,
    name: stageName(t, model, stage),
    values: history.weekly[stage.id] ?? [],
    href: `/journey?model=${model.key}&stage=${stage.id}`,
  }));
  if (series.every((one) => one.values.every((value) => value === 0)))
    return (
      <Card title={t("overTime.title")}>
        <p className="text-sm text-slate-600">{t("overTime.empty")}</p>
      </Card>
    );
  return (
    <Card title={t("overTime.title")}>
      <StageAreaChart weeks={history.weekStarts} series={series} />
      <FoldedWeeklyTable weeks={history.weekStarts} series={series} />
    </Card>
  );
}
