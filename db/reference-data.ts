import { sql } from "drizzle-orm";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { ADVOCATE_ROLE_CATALOG, INTERACTION_CATALOG } from "@/lib/interaction-catalog";
import { DEFAULT_MODELS } from "@/lib/journey/models";
import { DEFAULT_PROXY_TYPES } from "@/lib/scoring-version";
import { db } from "./index";
import { advocateRoles, interactionTypes, journeyModels, journeyStages, settings } from "@/db/schema";

/**
 * Reference data every install needs (not demo data). Inserted once; what a team has edited
 * since is kept, because every insert skips rows that already exist.
 */
export async function ensureReferenceData(): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(interactionTypes)
      .values(
        INTERACTION_CATALOG.map((t) => ({
          key: t.key,
          label: t.label,
          category: t.category,
          defaultWeight: t.weight,
          impliesMilestone: t.milestone,
        })),
      )
      .onConflictDoNothing({ target: interactionTypes.key });

    await tx.insert(advocateRoles).values(ADVOCATE_ROLE_CATALOG).onConflictDoNothing({ target: advocateRoles.key });

    await tx
      .insert(settings)
      .values(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })))
      .onConflictDoNothing({ target: settings.key });

    // The scoring in force becomes version 1 the first time: stored settings over the defaults.
    const current = (key: "ledger" | "risk") =>
      sql`${JSON.stringify(DEFAULT_SETTINGS[key])}::jsonb || coalesce((select value from settings where key = ${key}), '{}'::jsonb)`;
    await tx.execute(sql`
      insert into scoring_versions (number, kind, ledger, risk, type_weights, proxy_types, summary)
      select 1, 'hand', ${current("ledger")}, ${current("risk")},
        (select jsonb_object_agg(key, default_weight) from interaction_types),
        ${`{${DEFAULT_PROXY_TYPES.join(",")}}`}::text[], 'First version: the scoring in force.'
      where not exists (select 1 from scoring_versions)`);

    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(journeyModels);
    if (count > 0) return;
    for (const [position, model] of DEFAULT_MODELS.entries()) {
      const [row] = await tx
        .insert(journeyModels)
        .values({
          key: model.key,
          name: model.name,
          shape: model.shape,
          description: model.description,
          isDefault: position === 0,
          position,
        })
        .returning({ id: journeyModels.id });
      await tx
        .insert(journeyStages)
        .values(model.stages.map((stage, index) => ({ ...stage, modelId: row.id, position: index })));
    }
  });
}
