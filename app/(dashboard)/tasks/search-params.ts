import { z } from "zod";
import { idParam, param, first, type SearchParams } from "@/lib/search-params";
import { DUE_BUCKETS, type DueBucket, TASK_PRIORITIES, TASK_SOURCES } from "@/lib/tasks";
import type { AssigneeFilter } from "@/server/tasks/queries";

/** Tasks a section of My day shows at first, and how many more each "Show more" adds. */
export const MY_DAY_SECTION_STEP = 25;
/** The most a section shows: past this, filters serve better than scrolling. */
export const MY_DAY_SECTION_MAX = 500;

/** The URL parameter that widens one section, e.g. `show-overdue=50`. */
export const showParam = (bucket: DueBucket) => `show-${bucket}`;

/** How many tasks each section shows: `MY_DAY_SECTION_STEP` unless its `show-<section>` asks for more (up to the most). */
export function readSectionLimits(params: SearchParams): Record<DueBucket, number> {
  const shown = z.coerce
    .number()
    .int()
    .transform((n) => Math.min(Math.max(n, MY_DAY_SECTION_STEP), MY_DAY_SECTION_MAX))
    .optional();
  return Object.fromEntries(
    DUE_BUCKETS.map((bucket) => [bucket, param(params, showParam(bucket), shown, undefined) ?? MY_DAY_SECTION_STEP]),
  ) as Record<DueBucket, number>;
}

/** My day's filters from the URL: whose tasks (mine by default), priority, source. */
export function readMyDayFilters(params: SearchParams, memberId: number) {
  const who = first(params, "assignee") ?? "mine";
  const assignee: AssigneeFilter =
    who === "mine"
      ? memberId
      : who === "all" || who === "unassigned"
        ? who
        : (param(params, "assignee", idParam().optional(), undefined) ?? memberId);
  return {
    who,
    assignee,
    priority: param(params, "priority", z.enum(TASK_PRIORITIES).optional(), undefined),
    source: param(params, "source", z.enum(TASK_SOURCES).optional(), undefined),
  };
}
