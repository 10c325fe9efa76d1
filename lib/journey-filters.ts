export type JourneyFilters = { ownerId?: number; plan?: string; cohort?: string; status: "active" | "churned" | "all" };

export const BOOK_WIDE: JourneyFilters = { status: "active" };

/** The default view (active customers, no other filter): the one the periodic rollup serves. */
export function isBookWide(filters: JourneyFilters): boolean {
  return filters.status === "active" && !filters.ownerId && !filters.plan && !filters.cohort;
}

export type StageFlag = "on_track" | "behind" | "stuck";

export function stageFlag(daysInStage: number, targetDays: number): StageFlag {
  if (daysInStage <= targetDays) return "on_track";
  return daysInStage <= 2 * targetDays ? "behind" : "stuck";
}
