import { useTranslations } from "next-intl";
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
  const t = useTranslations("customers.filters");
  const tl = useTranslations("labels");
  return (
    <form method="get" role="search" aria-label={t("label")} className="mb-4 flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-xs font-medium text-slate-600">
        {t("search")}
        <input
          name="q"
          type="search"
          defaultValue={query.q}
          placeholder={t("searchPlaceholder")}
          className={`${FILTER_CONTROL} w-64`}
        />
      </label>
      <OwnerFilter owners={owners} value={first(params, "owner") ?? ""} />
      <StageFilter models={models} value={first(params, "stage") ?? ""} />
      <FilterSelect label={t("status")} name="status" defaultValue={query.status ?? ""}>
        <option value="">{t("all")}</option>
        <option value="active">{tl("customerStatus.active")}</option>
        <option value="churned">{tl("customerStatus.churned")}</option>
      </FilterSelect>
      <PlanFilter value={query.plan ?? ""} />
      <label className="flex flex-col text-xs font-medium text-slate-600">
        {t("balanceBelow")}
        <input
          name="balanceBelow"
          type="number"
          step="0.5"
          defaultValue={query.balanceBelow ?? ""}
          placeholder={t("balancePlaceholder")}
          className={`${FILTER_CONTROL} w-28`}
        />
      </label>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.direction} />
      <button type="submit" className={buttonClass("secondary")}>
        {t("apply")}
      </button>
      <Link href="/customers" className="py-1.5 text-sm font-medium text-slate-600 underline">
        {t("reset")}
      </Link>
    </form>
  );
}
