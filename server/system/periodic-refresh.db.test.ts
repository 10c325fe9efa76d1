import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { BOOK_WIDE } from "@/lib/journey/filters";
import { executeAction } from "@/server/actions/execute";
import { seedDemo } from "@/server/demo/seed";
import { setMilestone } from "@/server/journey/commands";
import { getJourneyModels } from "@/server/journey/models";
import { computeHistoryStats, type HistoryStats } from "@/server/journey/stats";
import { asSessionMember, createMember } from "@/testing/factories";
import { refreshRollups } from "./periodic-refresh";

/** The stored book-wide statistics of each model, by model id. */
async function storedRollups(): Promise<(modelId: number) => HistoryStats> {
  const rows = await queryRows<{ model_id: number; stats: HistoryStats }>(
    db,
    sql`select model_id, stats from journey_rollups where filters_key = ''`,
  );
  return (modelId) => {
    const row = rows.find((r) => r.model_id === modelId);
    if (!row) throw new Error(`No stored statistics for model ${modelId}.`);
    return row.stats;
  };
}

/** The figures without when they were computed: what a fresh computation must equal. */
const figures = ({ stages, weekly, weekStarts }: HistoryStats) => ({ stages, weekly, weekStarts });

describe("the periodic refresh does work in proportion to what changed", () => {
  beforeAll(async () => {
    await seedDemo({ customers: 150, seed: 5, now: new Date(new Date().toISOString().slice(0, 10)) });
  });

  it("with nothing new it rescores nobody and recomputes no journey model, confirming the stored figures as of now; a milestone move makes it recompute all three models, to what a fresh computation gives", async () => {
    const models = await getJourneyModels(db);
    expect(models).toHaveLength(3);
    const first = await refreshRollups(db);
    expect(first?.journeyModelsRecomputed).toBe(3);

    const before = await storedRollups();
    const quiet = await refreshRollups(db);
    expect(quiet).toMatchObject({ riskRowsUpdated: 0, journeyModelsRecomputed: 0 });
    const confirmed = await storedRollups();
    for (const model of models) {
      expect(figures(confirmed(model.id))).toEqual(figures(before(model.id)));
      expect(new Date(confirmed(model.id).computedAt).getTime()).toBeGreaterThan(
        new Date(before(model.id).computedAt).getTime(),
      );
    }

    const manager = asSessionMember(await createMember({ role: "manager" }));
    const [customer] = await queryRows<{ id: number; milestone: number }>(
      db,
      sql`select id, milestone from customers where status = 'active' and milestone between 9 and 11 order by id limit 1`,
    );
    expect(
      await executeAction(setMilestone, manager, {
        customerId: String(customer.id),
        milestone: "5",
        reason: "Went back to evaluating",
      }),
    ).toMatchObject({ ok: true });
    const moved = await refreshRollups(db);
    expect(moved?.journeyModelsRecomputed).toBe(3);
    const after = await storedRollups();
    for (const model of models) {
      const fresh = await computeHistoryStats(db, { model, filters: BOOK_WIDE });
      expect(figures(after(model.id)), model.key).toEqual(figures(fresh));
    }
  });

  it("a model whose figures time alone has moved (changesAt has passed) is recomputed, and only that one", async () => {
    await refreshRollups(db);
    const [model] = await getJourneyModels(db);
    await db.execute(
      sql`update journey_rollups set stats = jsonb_set(stats, '{changesAt}', to_jsonb(now() - interval '1 minute'))
        where model_id = ${model.id} and filters_key = ''`,
    );
    expect((await refreshRollups(db))?.journeyModelsRecomputed).toBe(1);
    const stored = (await storedRollups())(model.id);
    expect(new Date(stored.changesAt ?? 0).getTime()).toBeGreaterThan(Date.now());
  });
});
