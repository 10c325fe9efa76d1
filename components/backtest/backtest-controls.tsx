import { FilterSelect } from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import type { VersionSummary } from "@/server/scoring/versions";

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
  return (
    <form method="get" aria-label="Backtest settings" className="mb-6 flex flex-wrap items-end gap-3">
      <FilterSelect label="Scoring version" name="version" defaultValue={String(versionNumber)}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {`Version ${v.number}${v.number === liveNumber ? " (live)" : ""}${v.shadowUntil && v.shadowUntil > new Date() ? " (in shadow)" : ""}${v.kind === "fitted" ? ", fitted" : ""}`}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Churned within" name="horizon" defaultValue={String(horizonDays)}>
        <option value="30">30 days</option>
        <option value="60">60 days</option>
        <option value="90">90 days</option>
      </FilterSelect>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="proxies" value="on" defaultChecked={includeProxies} />
        Count outcome proxies (a cancellation request is the churn itself)
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Run
      </button>
    </form>
  );
}
