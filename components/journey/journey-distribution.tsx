import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { StageTable } from "@/components/journey/stage-table";
import { JourneyShape } from "@/components/journey/journey-shape";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { modelName, stageName } from "@/lib/i18n/journey-labels";
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
  const [snapshot, history, t, f] = await Promise.all([
    getStageSnapshot(db, { model, filters }),
    historyPromise,
    getTranslations("journey"),
    getFormat(),
  ]);
  const stageHref = (stageId: number) => withParams("/journey", params, { stage: stageId, page: undefined });
  if (snapshot.total === 0) {
    return (
      <EmptyState title={t("distribution.emptyTitle")}>
        <p>
          <Link href={`/journey?model=${model.key}`} className="font-medium text-brand-700 underline">
            {t("distribution.clearFilters")}
          </Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <Card
        title={t(model.shape === "funnel" ? "distribution.titleReached" : "distribution.titleNow", {
          model: modelName(t, model),
        })}
      >
        <JourneyShape
          shape={model.shape}
          data={model.stages.map((stage, i) => ({
            name: stageName(t, model, stage),
            count: snapshot.stages[i].now,
            reached: snapshot.stages[i].reached,
            href: stageHref(stage.id),
          }))}
        />
      </Card>
      <StageTable model={model} snapshot={snapshot} history={history} stageHref={stageHref} />
      <p className="text-xs text-slate-500">
        {t("distribution.asOf", {
          date: f.date(history.computedAt),
          time: f.time(history.computedAt),
          zone: f.timeZone,
        })}
      </p>
    </div>
  );
}
