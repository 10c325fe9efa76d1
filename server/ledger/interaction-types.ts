import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db";
import { interactionTypes } from "@/db/schema";

export async function listInteractionTypes() {
  return db
    .select({
      key: interactionTypes.key,
      label: interactionTypes.label,
      weight: interactionTypes.defaultWeight,
      impliesMilestone: interactionTypes.impliesMilestone,
    })
    .from(interactionTypes)
    .orderBy(asc(interactionTypes.label));
}

export type InteractionTypeOption = Awaited<ReturnType<typeof listInteractionTypes>>[number];
