import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { BOOK_WIDE } from "@/lib/journey/filters";
import { COHORT_MONTHS, trailingYear } from "@/lib/revenue-period";
import { countTallied, foldTallies } from "@/server/customers/tallies";
import { getJourneyModels } from "@/server/journey/models";
import { computeHistoryStats, saveRollup } from "@/server/journey/stats";
import { firePlaybooksOverTime } from "@/server/playbooks/evaluate";
import { getCohorts, getRetention } from "@/server/revenue/queries";
import { refreshDueRisk } from "@/server/risk/refresh";
import { refreshShadowScores } from "@/server/scoring/shadow";

// However quiet the book, the statistics are worked out again this often: what the basis cannot see
// (a customer churned and another reactivated in between) is right again within the hour.
const ROLLUP_RECOMPUTE_MS = 60 * 60 * 1000;

/**
 * Recomputes the book-wide journey history statistics of every model whose figures can have
 * changed since the last pass: a milestone moved or the number of active customers changed (the
 * basis), time alone moved one (`changesAt`: a visit passed its target, a new week), or the last
 * computation is an hour old. Otherwise the stored figures are confirmed as of now, which costs
 * two index reads instead of a pass over the whole milestone history. Returns how many it recomputed.
 */
export async function refreshJourneyRollups(db: Queryable): Promise<number> {
  // The active count from the book's tallies: counting a million customers took 500 ms.
  const [{ lastChange }] = await queryRows<{ lastChange: string | null }>(
    db,
    sql`select max(id)::text as "lastChange" from milestone_changes`,
  );
  const basis = [lastChange ?? "", await countTallied(db, { status: "active" })].join("/");
  let recomputed = 0;
  for (const model of await getJourneyModels(db)) {
    const [kept] = await queryRows<{ id: number }>(
      db,
      sql`update journey_rollups set computed_at = now(), stats = jsonb_set(stats, '{computedAt}', to_jsonb(now()))
        where model_id = ${model.id} and filters_key = '' and basis = ${basis}
          and (stats->>'changesAt')::timestamptz > now()
          and (stats->>'computedAt')::timestamptz > now() - make_interval(secs => ${ROLLUP_RECOMPUTE_MS / 1000})
        returning model_id as id`,
    );
    if (kept) continue;
    const stats = await computeHistoryStats(db, { model, filters: BOOK_WIDE });
    await saveRollup(db, { modelId: model.id, stats, basis });
    recomputed++;
  }
  return recomputed;
}

/** The book-wide revenue retention and cohorts, kept ready for the next view when the ledger moved. */
async function refreshRevenueRollups(db: Queryable): Promise<void> {
  const now = new Date();
  await getRetention(db, { ...trailingYear(now), ownerId: null });
  await getCohorts(db, { ownerId: null, now, months: COHORT_MONTHS });
}

export type RefreshReport = {
  /** Customers the refresh rescored: those whose score time alone can have moved. */
  riskRowsUpdated: number;
  /** Journey models whose book-wide statistics it recomputed (the others still held). */
  journeyModelsRecomputed: number;
  ms: { risk: number; playbooks: number; shadow: number; journey: number; revenue: number; total: number };
};

/**
 * What the server refreshes periodically: risk ranks (the live version's and a shadow's) and journey
 * statistics age with time alone, revenue retention and cohorts follow the ledger, and playbooks whose condition time alone can meet (silence, a stage
 * held too long, risk rising as credit decays) fire.
 * When another server is refreshing right now, this one leaves it all to that one (and answers null).
 */
export async function refreshRollups(db: Queryable): Promise<RefreshReport | null> {
  const started = performance.now();
  let at = started;
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - at);
    at = now;
    return ms;
  };
  const riskRowsUpdated = await refreshDueRisk(db);
  if (riskRowsUpdated === null) return null;
  const risk = lap();
  await foldTallies(db);
  await firePlaybooksOverTime(db);
  const playbooks = lap();
  await refreshShadowScores(db);
  const shadow = lap();
  const journeyModelsRecomputed = await refreshJourneyRollups(db);
  const journey = lap();
  await refreshRevenueRollups(db);
  const revenue = lap();
  return {
    riskRowsUpdated,
    journeyModelsRecomputed,
    ms: { risk, playbooks, shadow, journey, revenue, total: Math.round(at - started) },
  };
}
