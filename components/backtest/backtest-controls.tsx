import { FilterSelect } from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import type { VersionSummary } from "@/server/scoring/versions";
import { useTranslations } from "next-intl";
import { HORIZONS } from "@/lib/backtest/horizons";

/** Which version, horizon and whether outcome proxies count: a GET form, so every backtest is a URL. */
export function BacktestControls({
  versions,
  versionNumber,
  liveNumber,
  horizonDays,
  includeProxies,
}: {
  versions: VersionSummary[];
  versionNumber: number;
  liveNumber: number;
  horizonDays: number;
  includeProxies: boolean;
}) {
  const t = useTranslations("backtest.controls");
  const now = new Date();
  return (
    <form method="get" aria-label={t("label")} className="mb-6 flex flex-wrap items-end gap-3">
      <FilterSelect label={t("version")} name="version" defaultValue={String(versionNumber)}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t("versionOption", {
              number: v.number,
              live: v.number === liveNumber ? "yes" : "no",
              shadow: v.shadowUntil && v.shadowUntil > now ? "yes" : "no",
              fitted: v.kind === "fitted" ? "yes" : "no",
            })}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t("horizon")} name="horizon" defaultValue={String(horizonDays)}>
        {HORIZONS.map((days) => (
          <option key={days} value={days}>
            {t("days", { days })}
          </option>
        ))}
      </FilterSelect>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="proxies" value="on" defaultChecked={includeProxies} />
        {t("proxies")}
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        {t("run")}
      </button>
    </form>
  );
}
