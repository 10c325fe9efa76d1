import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { JourneyShape } from "@/components/journey/journey-shape";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { modelName, stageName } from "@/lib/i18n/journey-labels";
import { BOOK_WIDE } from "@/lib/journey/filters";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { getStageSnapshot } from "@/server/journey/stats";

export async function CurrentDistribution() {
  const db = await readDb();
  const [model, t, tj] = await Promise.all([
    getJourneyModels(db).then(defaultModel),
    getTranslations("overview.distribution"),
    getTranslations("journey"),
  ]);
  const snapshot = await getStageSnapshot(db, { model, filters: BOOK_WIDE });
  if (snapshot.stages.every((stage) => stage.now === 0 && stage.reached === 0))
    return (
      <EmptyState title={t("emptyTitle")}>
        <p>
          {t.rich("emptyBody", {
            link: (chunks) => (
              <Link href="/customers/new" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </EmptyState>
    );
  return (
    <Card
      title={t("title", { model: modelName(tj, model) })}
      action={
        <Link href="/journey" className="text-sm font-medium text-brand-700 underline">
          {t("openJourney")}
        </Link>
      }
    >
      <JourneyShape
        compact
        shape={model.shape}
        data={model.stages.map((stage, i) => ({
          name: stageName(tj, model, stage),
          count: snapshot.stages[i].now,
          reached: snapshot.stages[i].reached,
          href: `/journey?model=${model.key}&stage=${stage.id}`,
        }))}
      />
    </Card>
  );
}
