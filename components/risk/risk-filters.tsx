import {
  FILTER_CONTROL,
  FilterSelect,
  OwnerFilter,
  PlanFilter,
  StageFilter,
} from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { first, type SearchParams } from "@/lib/search-params";
import type { JourneyModelWithStages } from "@/server/journey/models";
import type { RiskListQuery } from "@/server/risk/queries";

/** The risk list's filter form: a GET form, so every view is a URL. */
export function RiskFilters({
  params,
  query,
  owner,
  owners,
  models,
}: {
  params: SearchParams;
  query: RiskListQuery;
  owner: string;
  owners: { id: number; name: string }[];
  models: JourneyModelWithStages[];
}) {
  return (
    <form method="get" role="search" aria-label="Filter the risk list" className="mb-4 flex flex-wrap items-end gap-3">
      {query.view === "watch" ? <input type="hidden" name="view" value="watch" /> : null}
      <OwnerFilter owners={owners} value={owner} everyone="all" />
      <StageFilter models={models} value={first(params, "stage") ?? ""} />
      <PlanFilter value={query.plan ?? ""} />
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Minimum MRR ($)
        <input
          name="minMrr"
          type="number"
          min={0}
          step={1}
          defaultValue={first(params, "minMrr") ?? ""}
          className={`${FILTER_CONTROL} w-32`}
        />
      </label>
      <FilterSelect label="Renews" name="renews" defaultValue={query.renewsWithinDays?.toString() ?? ""}>
        <option value="">Any time</option>
        <option value="30">In 30 days</option>
        <option value="60">In 60 days</option>
        <option value="90">In 90 days</option>
      </FilterSelect>
      <FilterSelect label="Sort by" name="sort" defaultValue={query.sort}>
        <option value="risk">Risk</option>
        <option value="mrr">MRR</option>
        <option value="balance">Balance</option>
        <option value="silence">Days silent</option>
        <option value="renewal">Renewal (soonest)</option>
      </FilterSelect>
      <FilterSelect label="Order" name="dir" defaultValue={query.direction}>
        <option value="desc">Highest first</option>
        <option value="asc">Lowest first</option>
      </FilterSelect>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
