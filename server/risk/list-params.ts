import { z } from "zod";
import { defaultOwnerScope, type SessionMember } from "@/lib/permissions";
import { PLANS } from "@/lib/plans";
import { ownerIdParam, pageParam, param, type SearchParams, stageRangeParam } from "@/lib/search-params";
import type { JourneyModelWithStages } from "@/server/journey/models";
import { RISK_VIEWS } from "@/lib/risk";
import { RISK_SORTS, type RiskListQuery } from "./queries";

export const RISK_PAGE_SIZE = 25;

/**
 * The risk list's filters, sort and page from the URL: read by the page, the CSV export and the
 * bulk actions for "all matching the filters", so all three mean the same customers.
 */
export function readRiskQuery(
  params: SearchParams,
  member: SessionMember,
  models: readonly JourneyModelWithStages[],
  pageSize = RISK_PAGE_SIZE,
): RiskListQuery {
  const minMrr = param(params, "minMrr", z.coerce.number().min(0).max(10_000_000).optional(), undefined);
  return {
    view: param(params, "view", z.enum(RISK_VIEWS), "at-risk"),
    ownerId: ownerIdParam(params, member.id, defaultOwnerScope(member.role)),
    milestoneRange: stageRangeParam(
      params,
      models.flatMap((m) => m.stages),
    ),
    plan: param(params, "plan", z.enum(PLANS).optional(), undefined),
    minMrrCents: minMrr === undefined ? undefined : Math.round(minMrr * 100),
    renewsWithinDays: param(params, "renews", z.coerce.number().int().min(0).max(366).optional(), undefined),
    sort: param(params, "sort", z.enum(RISK_SORTS), "risk"),
    direction: param(params, "dir", z.enum(["asc", "desc"]), "desc"),
    page: param(params, "page", pageParam, 1),
    pageSize,
  };
}
