import { Link } from "@/components/ui/link";
import {
  FILTER_CONTROL,
  FilterSelect,
  OwnerFilter,
  PlanFilter,
  StageFilter,
} from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { first, type SearchParams } from "@/lib/search-params";
import type { CustomerListQuery } from "@/server/customers/queries";
import type { JourneyModelWithStages } from "@/server/journey/models";

/** The customer list's search and filter form: a GET form, so every view is a URL. */
export function CustomerFilters({
  params,
  query,
  owners,
  models,
}: {
  params: SearchParams;
  query: CustomerListQuery;
  owners: { id: number; name: string }[];
  models: JourneyModelWithStages[];
}) {
  return (
    <form method="get" role="search" aria-label="Filter customers" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Search
        <input
          name="q"
          type="search"
          defaultValue={query.q}
          placeholder="Name, email or company"
          className={`${FILTER_CONTROL} w-64`}
        />
      </label>
      <OwnerFilter owners={owners} value={first(params, "owner") ?? ""} />
      <StageFilter models={models} value={first(params, "stage") ?? ""} />
      <FilterSelect label="Status" name="status" defaultValue={query.status ?? ""}>
        <option value="">All</option>
        <option value="active">Active</option>
        <option value="churned">Churned</option>
      </FilterSelect>
      <PlanFilter value={query.plan ?? ""} />
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Balance below
        <input
          name="balanceBelow"
          type="number"
          step="0.5"
          defaultValue={query.balanceBelow ?? ""}
          placeholder="e.g. 0"
          className={`${FILTER_CONTROL} w-28`}
        />
      </label>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.direction} />
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      <Link href="/customers" className="py-1.5 text-sm font-medium text-slate-600 underline">
        Reset
      </Link>
    </form>
  );
}
