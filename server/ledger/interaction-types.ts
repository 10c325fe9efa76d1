import "server-only";
import { asc } from "drizzle-orm";
import type { Queryable } from "@/db";
import { referenceCached } from "@/db/reference-cache";
import { interactionTypes } from "@/db/schema";

/** Every interaction type with its default weight, by label: the pickers and Settings → Scoring. */
export const listInteractionTypes = referenceCached((db: Queryable) =>
  db
    .select({
      key: interactionTypes.key,
      label: interactionTypes.label,
      weight: interactionTypes.defaultWeight,
      impliesMilestone: interactionTypes.impliesMilestone,
    })
    .from(interactionTypes)
    .orderBy(asc(interactionTypes.label)),
);

export type InteractionTypeOption = Awaited<ReturnType<typeof listInteractionTypes>>[number];
