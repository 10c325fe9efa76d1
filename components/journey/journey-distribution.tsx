import { Link } from "@/components/ui/link";
import { StageTable } from "@/components/journey/stage-table";
import { JourneyShape } from "@/components/journey/journey-shape";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { formatDate, formatTime } from "@/lib/format";
import { DISPLAY_TIME_ZONE } from "@/lib/dates";
import type { JourneyFilters } from "@/lib/journey/filters";
import { type SearchParams, withParams } from "@/lib/search-params";
import type { JourneyModelWithStages } from "@/server/journey/models";
import { getStageSnapshot, type HistoryStats } from "@/server/journey/stats";

/** Customers per stage as a chart and a table, with conversion, drop-off, time in stage and flags. */
export async function JourneyDistribution({
  model,
  filters,
  history: historyPromise,
  params,
}: {
  model: JourneyModelWithStages;
  filters: JourneyFilters;
  history: Promise<HistoryStats>;
  params: SearchParams;
}) {
  const db = await readDb();
  const [snapshot, history] = await Promise.all([getStageSnapshot(db, { model, filters }), historyPromise]);
  const stageHref = (stageId: number) => withParams("/journey", params, { stage: stageId, page: undefined });
  if (snapshot.total === 0) {
    return (
      <EmptyState title="No customers match these filters">
        <p>
          <Link href={`/journey?model=${model.key}`} className="font-medium text-brand-700 underline">
            Clear the filters
          </Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <Card
        title={
          model.shape === "funnel"
            ? `${model.name}: customers who reached each stage`
            : `${model.name}: customers in each stage now`
        }
      >
        <JourneyShape
          shape={model.shape}
          data={model.stages.map((stage, i) => ({
            name: stage.name,
            count: snapshot.stages[i].now,
            reached: snapshot.stages[i].reached,
            href: stageHref(stage.id),
          }))}
        />
      </Card>
      <StageTable model={model} snapshot={snapshot} history={history} stageHref={stageHref} />
      <p className="text-xs text-slate-500">
        Counts are live. Time in stage, regressions and on-track flags as of {formatDate(history.computedAt)}{" "}
        {formatTime(history.computedAt, DISPLAY_TIME_ZONE)} ({DISPLAY_TIME_ZONE}).
      </p>
    </div>
  );
}
