import type { Queryable } from "@/db";
import { BOOK_WIDE } from "@/lib/journey/filters";
import { getJourneyModels } from "@/server/journey/models";
import { computeHistoryStats, saveRollup } from "@/server/journey/stats";
import { firePlaybooks } from "@/server/playbooks/evaluate";
import { refreshAllRisk } from "@/server/risk/refresh";
import { refreshShadowScores } from "@/server/scoring/shadow";

/** Recomputes the book-wide journey history statistics of every model. */
export async function refreshJourneyRollups(db: Queryable): Promise<void> {
  for (const model of await getJourneyModels(db)) {
    await saveRollup(db, { modelId: model.id, stats: await computeHistoryStats(db, { model, filters: BOOK_WIDE }) });
  }
}

/**
 * What the server refreshes periodically: risk ranks (the live version's and a shadow's) and journey
 * statistics age with time alone, and playbooks whose condition time alone can meet (silence, a stage
 * held too long, risk rising as credit decays) fire.
 * When another server is refreshing right now, this one leaves both to it.
 */
export async function refreshRollups(db: Queryable): Promise<void> {
  if (!(await refreshAllRisk(db))) return;
  await firePlaybooks(db);
  await refreshShadowScores(db);
  await refreshJourneyRollups(db);
}
