"use client";

import { DAY_MS } from "@/lib/dates";
import { formatDateRange, formatNumber } from "@/lib/format";

/**
 * The weekly distribution as a table (the chart's accessible twin, folded away by default). A
 * client component: it renders from the same data the chart receives, so a year of weeks is not
 * sent a second time as a React element tree.
 */
export function WeeklyStageTable({
  weeks,
  series,
}: {
  weeks: string[];
  series: { key: string; name: string; values: number[] }[];
}) {
  return (
    <table className="w-full text-right text-xs tabular-nums">
      <thead className="sticky top-0 bg-white">
        <tr>
          <th scope="col" className="px-2 py-1 text-left">
            Week
          </th>
          {series.map((s) => (
            <th scope="col" key={s.key} className="px-2 py-1">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, index) => (
          <tr key={week} className="border-t border-slate-100">
            <th scope="row" className="px-2 py-1 text-left font-normal">
              {formatDateRange(week, new Date(Date.parse(week) + 6 * DAY_MS))}
            </th>
            {series.map((s) => (
              <td key={s.key} className="px-2 py-1">
                {formatNumber(s.values[index] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
