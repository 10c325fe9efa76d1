import { getTranslations } from "next-intl/server";
import { FILTER_CONTROL, FilterSelect, OwnerFilter } from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { REVENUE_PERIODS, type RevenuePeriod } from "@/lib/revenue-period";

/** The revenue page's period and owner: a GET form, so every view is a URL. */
export async function RevenueFilters({
  period,
  owner,
  owners,
}: {
  period: RevenuePeriod;
  owner: string;
  /** Null when the member may only read their own book. */
  owners: { id: number; name: string }[] | null;
}) {
  const t = await getTranslations("revenue");
  return (
    <form method="get" aria-label={t("filters.aria")} className="mb-4 flex flex-wrap items-end gap-3">
      <FilterSelect label={t("filters.period")} name="period" defaultValue={period.key}>
        {REVENUE_PERIODS.map((key) => (
          <option key={key} value={key}>
            {t(`periods.${key}`)}
          </option>
        ))}
      </FilterSelect>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        {t("filters.from")}
        <input name="from" type="date" defaultValue={period.fromDay} className={FILTER_CONTROL} />
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        {t("filters.to")}
        <input name="to" type="date" defaultValue={period.toDay} className={FILTER_CONTROL} />
      </label>
      {owners ? <OwnerFilter owners={owners} value={owner} everyone="all" /> : null}
      <button type="submit" className={buttonClass("secondary")}>
        {t("filters.apply")}
      </button>
    </form>
  );
}
