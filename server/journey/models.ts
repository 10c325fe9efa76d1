import { asc } from "drizzle-orm";
import type { Queryable } from "@/db";
import { referenceCached } from "@/db/reference-cache";
import { journeyModels, journeyStages } from "@/db/schema";

/** All journey models with their stages in order (a few dozen rows), kept until one changes. */
export const getJourneyModels = referenceCached(async (db: Queryable) => {
  const [models, stages] = await Promise.all([
    db.select().from(journeyModels).orderBy(asc(journeyModels.position), asc(journeyModels.id)),
    db.select().from(journeyStages).orderBy(asc(journeyStages.modelId), asc(journeyStages.position)),
  ]);
  return models.map((model) => ({ ...model, stages: stages.filter((stage) => stage.modelId === model.id) }));
});

export type JourneyModelWithStages = Awaited<ReturnType<typeof getJourneyModels>>[number];

/** The model pages show when none is chosen: the one marked default, else the first. */
export function defaultModel(models: readonly JourneyModelWithStages[]): JourneyModelWithStages {
  return models.find((m) => m.isDefault) ?? models[0];
}
