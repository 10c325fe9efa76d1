import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { FilterSelect, OwnerFilter, PlanFilter } from "@/components/filters/filter-controls";
import { buttonClass, chipClass } from "@/components/ui/button";
import type { JourneyFilters } from "@/lib/journey/filters";
import { modelName } from "@/lib/i18n/journey-labels";
import { first, type SearchParams, withParams } from "@/lib/search-params";
import type { JourneyModelWithStages } from "@/server/journey/models";

/** The last 24 sign-up months, newest first, for the cohort filter. */
function cohortMonths(now = new Date()): string[] {
  return Array.from({ length: 24 }, (_, i) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return date.toISOString().slice(0, 7);
  });
}

/** The journey model to read the book by, and the owner, plan, cohort and status filters. */
export function JourneyFiltersForm({
  params,
  model,
  models,
  filters,
  owners,
}: {
  params: SearchParams;
  model: JourneyModelWithStages;
  models: JourneyModelWithStages[];
  filters: JourneyFilters;
  owners: { id: number; name: string }[];
}) {
  const t = useTranslations("journey");
  const tl = useTranslations("labels");
  return (
    <>
      <nav aria-label={t("filters.modelNav")} className="flex flex-wrap gap-2">
        {models.map((m) => (
          <Link
            key={m.id}
            href={withParams("/journey", params, { model: m.key, stage: undefined, page: undefined })}
            aria-current={m.id === model.id ? "page" : undefined}
            className={chipClass(m.id === model.id, "px-4 py-1.5")}
          >
            {modelName(t, m)}
          </Link>
        ))}
      </nav>
      <form method="get" role="search" aria-label={t("filters.formLabel")} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="model" value={model.key} />
        <OwnerFilter owners={owners} value={first(params, "owner") ?? ""} />
        <PlanFilter value={filters.plan ?? ""} />
        <FilterSelect label={t("filters.signedUpIn")} name="cohort" defaultValue={filters.cohort ?? ""}>
          <option value="">{t("filters.anyMonth")}</option>
          {cohortMonths().map((month) => (
            <option key={month} value={month}>
              {month}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("filters.status")} name="status" defaultValue={filters.status}>
          <option value="active">{tl("customerStatus.active")}</option>
          <option value="churned">{tl("customerStatus.churned")}</option>
          <option value="all">{t("filters.statusAll")}</option>
        </FilterSelect>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filters.apply")}
        </button>
      </form>
    </>
  );
}
