import { z } from "zod";
import type { JourneyFilters } from "@/lib/journey/filters";
import { PLANS } from "@/lib/plans";
import { first, idParam, ownerIdParam, pageParam, param, type SearchParams } from "@/lib/search-params";
import { defaultModel, type JourneyModelWithStages } from "@/server/journey/models";

export type JourneyPageView = {
  model: JourneyModelWithStages;
  filters: JourneyFilters;
  /** The stage whose customers are listed, if one was clicked. */
  stageId?: number;
  page: number;
};

/** Which model, filters and stage the journey page shows, from the URL. */
export function readJourneyView(
  params: SearchParams,
  memberId: number,
  models: readonly JourneyModelWithStages[],
): JourneyPageView {
  return {
    model: models.find((m) => m.key === first(params, "model")) ?? defaultModel(models),
    filters: {
      ownerId: ownerIdParam(params, memberId),
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
    },
    stageId: param(params, "stage", idParam("smallint").optional(), undefined),
    page: param(params, "page", pageParam, 1),
  };
}
