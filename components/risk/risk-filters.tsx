import {
  FILTER_CONTROL,
  FilterSelect,
  OwnerFilter,
  PlanFilter,
  StageFilter,
} from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
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
  const t = useTranslations("risk.filters");
  const f = useFormat();
  return (
    <form method="get" role="search" aria-label={t("label")} className="mb-4 flex flex-wrap items-end gap-3">
      {query.view === "watch" ? <input type="hidden" name="view" value="watch" /> : null}
      <OwnerFilter owners={owners} value={owner} everyone="all" />
      <StageFilter models={models} value={first(params, "stage") ?? ""} />
      <PlanFilter value={query.plan ?? ""} />
      <label className="flex flex-col text-xs font-medium text-slate-600">
        {t("minMrr", { currency: f.currencySymbol })}
        <input
          name="minMrr"
          type="number"
          min={0}
          step={1}
          defaultValue={first(params, "minMrr") ?? ""}
          className={`${FILTER_CONTROL} w-32`}
        />
      </label>
      <FilterSelect label={t("renews")} name="renews" defaultValue={query.renewsWithinDays?.toString() ?? ""}>
        <option value="">{t("anyTime")}</option>
        {[30, 60, 90].map((days) => (
          <option key={days} value={days}>
            {t("renewsIn", { days })}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t("sortBy")} name="sort" defaultValue={query.sort}>
        <option value="risk">{t("sort.risk")}</option>
        <option value="mrr">{t("sort.mrr")}</option>
        <option value="balance">{t("sort.balance")}</option>
        <option value="silence">{t("sort.silence")}</option>
        <option value="renewal">{t("sort.renewal")}</option>
      </FilterSelect>
      <FilterSelect label={t("order")} name="dir" defaultValue={query.direction}>
        <option value="desc">{t("desc")}</option>
        <option value="asc">{t("asc")}</option>
      </FilterSelect>
      <button type="submit" className={buttonClass("secondary")}>
        {t("apply")}
      </button>
    </form>
  );
}
