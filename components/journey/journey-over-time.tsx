import { StageAreaChart } from "@/components/charts/lazy";
import { FoldedWeeklyTable } from "@/components/journey/weekly-stage-table";
import { Card } from "@/components/ui/card";
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
  const history = await historyPromise;
  const series = model.stages.map((stage) => ({
    key: `s${stage.id}`,
    name: stage.name,
    values: history.weekly[stage.id] ?? [],
    href: `/journey?model=${model.key}&stage=${stage.id}`,
  }));
  if (series.every((one) => one.values.every((value) => value === 0)))
    return (
      <Card title="Distribution over the last 12 months (end of each week)">
        <p className="text-sm text-slate-600">
          No customer was in any stage in the last 12 months: nothing to draw yet.
        </p>
      </Card>
    );
  return (
    <Card title="Distribution over the last 12 months (end of each week)">
      <StageAreaChart weeks={history.weekStarts} series={series} />
      <FoldedWeeklyTable weeks={history.weekStarts} series={series} />
    </Card>
  );
}
