export type JourneyFilters = { ownerId?: number; plan?: string; cohort?: string; status: "active" | "churned" | "all" };

export const BOOK_WIDE: JourneyFilters = { status: "active" };

/** The default view (active customers, no other filter): the one the periodic rollup serves. */
function isBookWide(filters: JourneyFilters): boolean {
  return filters.status === "active" && !filters.ownerId && !filters.plan && !filters.cohort;
}

/** The same string for the same filters, "" for the whole book: how a view's history stats are stored (journey_rollups). */
export function journeyFiltersKey(filters: JourneyFilters): string {
  return isBookWide(filters)
    ? ""
    : JSON.stringify([filters.status, filters.ownerId ?? null, filters.plan ?? null, filters.cohort ?? null]);
}

export type StageFlag = "on_track" | "behind" | "stuck";

export function stageFlag(daysInStage: number, targetDays: number): StageFlag {
  if (daysInStage <= targetDays) return "on_track";
  return daysInStage <= 2 * targetDays ? "behind" : "stuck";
}
