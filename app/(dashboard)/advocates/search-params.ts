import { z } from "zod";
import { idParam, pageParam, param, type SearchParams, searchText } from "@/lib/search-params";
import { ROSTER_STATUSES, type RosterQuery } from "@/server/advocacy/queries";

export const ROSTER_PAGE_SIZE = 25;

/** The roster's role, status, name and page from the URL. */
export function readRosterQuery(params: SearchParams): RosterQuery {
  return {
    roleId: param(params, "role", idParam().optional(), undefined),
    status: param(params, "status", z.enum(ROSTER_STATUSES).optional(), undefined),
    q: searchText(params),
    page: param(params, "page", pageParam, 1),
    pageSize: ROSTER_PAGE_SIZE,
  };
}
