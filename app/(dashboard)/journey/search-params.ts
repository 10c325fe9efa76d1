import { z } from "zod";
import type { SessionMember } from "@/lib/permissions";
import type { JourneyFilters } from "@/lib/journey/filters";
import { PLANS } from "@/lib/plans";
import { first, idParam, param, type SearchParams } from "@/lib/search-params";

export function readJourneyFilters(params: SearchParams, member: SessionMember): JourneyFilters {
  const owner = first(params, "owner");
  return {
    ownerId: owner === "mine" ? member.id : param(params, "owner", idParam().optional(), undefined),
    plan: param(params, "plan", z.enum(PLANS).optional(), undefined),
    cohort: param(
      params,
      "cohort",
      z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
      undefined,
    ),
    status: param(params, "status", z.enum(["active", "churned", "all"]), "active"),
  };
}

/** The last 24 sign-up months, newest first, for the cohort filter. */
export function cohortMonths(now = new Date()): string[] {
  return Array.from({ length: 24 }, (_, i) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return date.toISOString().slice(0, 7);
  });
}
