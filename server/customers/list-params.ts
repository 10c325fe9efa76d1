import { z } from "zod";
import { PLANS } from "@/lib/plans";
import { ownerIdParam, pageParam, param, type SearchParams, searchText, stageRangeParam } from "@/lib/search-params";
import { CUSTOMER_SORTS, type CustomerListQuery } from "./queries";
import type { JourneyModelWithStages } from "@/server/journey/models";

export const CUSTOMERS_PAGE_SIZE = 50;

/**
 * The customer list's search, filters, sort and page from the URL. The page reads it, and so do
 * the bulk actions for "all matching the filters", so both mean the same customers.
 */
export function readCustomerQuery(
  params: SearchParams,
  memberId: number,
  models: readonly JourneyModelWithStages[],
): CustomerListQuery {
  return {
    q: searchText(params) ?? "",
    ownerId: ownerIdParam(params, memberId),
    milestoneRange: stageRangeParam(
      params,
      models.flatMap((m) => m.stages),
    ),
    status: param(params, "status", z.enum(["active", "churned"]).optional(), undefined),
    plan: param(params, "plan", z.enum(PLANS).optional(), undefined),
    balanceBelow: param(params, "balanceBelow", z.coerce.number().finite().optional(), undefined),
    sort: param(params, "sort", z.enum(CUSTOMER_SORTS), "name"),
    direction: param(params, "dir", z.enum(["asc", "desc"]), "asc"),
    page: param(params, "page", pageParam, 1),
    pageSize: CUSTOMERS_PAGE_SIZE,
  };
}
