import { z } from "zod";
import { idParam, param, first, type SearchParams } from "@/lib/search-params";
import { TASK_PRIORITIES, TASK_SOURCES } from "@/lib/tasks";
import type { AssigneeFilter } from "@/server/tasks/queries";

/** Tasks shown per section of My day. */
export const MY_DAY_SECTION_LIMIT = 100;

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
