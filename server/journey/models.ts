import "server-only";
import { asc } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/db";
import { journeyModels, journeyStages } from "@/db/schema";

/** All journey models with their stages in order: a few dozen rows. */
export async function getJourneyModelsUncached() {
  const [models, stages] = await Promise.all([
    db.select().from(journeyModels).orderBy(asc(journeyModels.position), asc(journeyModels.id)),
    db.select().from(journeyStages).orderBy(asc(journeyStages.modelId), asc(journeyStages.position)),
  ]);
  return models.map((model) => ({ ...model, stages: stages.filter((stage) => stage.modelId === model.id) }));
}

/** The same, read once per request. */
export const getJourneyModels = cache(getJourneyModelsUncached);

export type JourneyModelWithStages = Awaited<ReturnType<typeof getJourneyModels>>[number];
