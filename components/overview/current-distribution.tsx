import { Link } from "@/components/ui/link";
import { JourneyShape } from "@/components/journey/journey-shape";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { BOOK_WIDE } from "@/lib/journey/filters";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { getStageSnapshot } from "@/server/journey/stats";

export async function CurrentDistribution() {
  const db = await readDb();
  const model = defaultModel(await getJourneyModels(db));
  const snapshot = await getStageSnapshot(db, { model, filters: BOOK_WIDE });
  if (snapshot.stages.every((stage) => stage.now === 0 && stage.reached === 0))
    return (
      <EmptyState title="No customers yet">
        <p>
          <Link href="/customers/new" className="font-medium text-brand-700 underline">
            Add a customer
          </Link>{" "}
          or import a CSV in Settings → Import &amp; export; the journey appears here as soon as there is one.
        </p>
      </EmptyState>
    );
  return (
    <Card
      title={`Active customers on the ${model.name}`}
      action={
        <Link href="/journey" className="text-sm font-medium text-brand-700 underline">
          Open the journey
        </Link>
      }
    >
      <JourneyShape
        compact
        shape={model.shape}
        data={model.stages.map((stage, i) => ({
          name: stage.name,
          count: snapshot.stages[i].now,
          reached: snapshot.stages[i].reached,
          href: `/journey?model=${model.key}&stage=${stage.id}`,
        }))}
      />
    </Card>
  );
}
