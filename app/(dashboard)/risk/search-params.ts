import { z } from "zod";
import type { JourneyModelWithStages } from "@/server/journey/models";
import type { SessionMember } from "@/lib/permissions";
import { RISK_SORTS, type RiskListQuery } from "@/server/risk/queries";
import { PLANS } from "@/lib/plans";
import { first, idParam, pageParam, param, type SearchParams } from "@/lib/search-params";

/** The risk list's filters from the URL; a CSM sees their own customers unless they pick someone else. */
export function readRiskQuery(
  params: SearchParams,
  member: SessionMember,
  models: JourneyModelWithStages[],
  pageSize: number,
): RiskListQuery {
  const owner = first(params, "owner") ?? (member.role === "csm" ? "mine" : "all");
  const stageId = param(params, "stage", idParam("smallint"), 0);
  const stage = models.flatMap((m) => m.stages).find((s) => s.id === stageId);
  const minMrr = param(params, "minMrr", z.coerce.number().min(0).max(10_000_000).optional(), undefined);
  return {
    ownerId:
      owner === "mine" ? member.id : owner === "all" ? undefined : param(params, "owner", idParam(), 0) || undefined,
    milestoneRange: stage ? { from: stage.fromMilestone, to: stage.toMilestone } : undefined,
    plan: param(params, "plan", z.enum(PLANS).optional(), undefined),
    minMrrCents: minMrr === undefined ? undefined : Math.round(minMrr * 100),
    sort: param(params, "sort", z.enum(RISK_SORTS), "risk"),
    direction: param(params, "dir", z.enum(["asc", "desc"]), "desc"),
    page: param(params, "page", pageParam, 1),
    pageSize,
  };
}

export function ownerParam(params: SearchParams, member: SessionMember): string {
  return first(params, "owner") ?? (member.role === "csm" ? "mine" : "all");
}
