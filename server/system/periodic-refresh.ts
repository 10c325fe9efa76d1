import { getJourneyModelsUncached } from "@/server/journey/models";
import { computeHistoryStats, saveRollup } from "@/server/journey/stats";
import { db } from "@/db";
import { BOOK_WIDE } from "@/lib/journey/filters";
import { refreshAllRisk } from "@/server/risk/refresh";

/** Recomputes the book-wide journey history statistics of every model. */
export async function refreshJourneyRollups(): Promise<void> {
  for (const model of await getJourneyModelsUncached()) {
    await saveRollup(db, model.id, await computeHistoryStats(db, model, BOOK_WIDE));
  }
}

/**
 * What the server refreshes periodically: risk ranks and journey statistics age with time alone.
 * When another server is refreshing right now, this one leaves both to it.
 */
export async function refreshRollups(): Promise<void> {
  if (!(await refreshAllRisk())) return;
  await refreshJourneyRollups();
}
