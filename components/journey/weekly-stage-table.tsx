"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { DAY_MS } from "@/lib/dates";

type Weekly = { weeks: string[]; series: { key: string; name: string; values: number[] }[] };

/**
 * The weekly distribution as a table (the chart's accessible twin), folded away until asked for. A
 * client component: it renders from the same data the chart receives, so a year of weeks is not
 * sent a second time as a React element tree; and only once opened, so the page's load does not
 * build and hydrate 500 cells nobody has asked to see.
 */
export function FoldedWeeklyTable(props: Weekly) {
  const t = useTranslations("journey.weekly");
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("showTable")}</summary>
      {open ? (
        <div className="mt-2 max-h-80 overflow-auto">
          <WeeklyStageTable {...props} />
        </div>
      ) : null}
    </details>
  );
}

function WeeklyStageTable({ weeks, series }: Weekly) {
  const t = useTranslations("journey.weekly");
  const f = useFormat();
  return (
    <table className="w-full text-right text-xs tabular-nums">
      <thead className="sticky top-0 bg-white">
        <tr>
          <th scope="col" className="px-2 py-1 text-left">
            {t("week")}
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
              {f.dateRange(week, new Date(Date.parse(week) + 6 * DAY_MS))}
            </th>
            {series.map((s) => (
              <td key={s.key} className="px-2 py-1">
                {f.number(s.values[index] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
