"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DAY_MS } from "@/lib/dates";
import { useFormat } from "@/components/i18n/use-format";
import { CHART, stageColours } from "@/lib/charts/palette";
import { ChartTooltipBox } from "./chart-tooltip";

/** Customers per stage at the end of each week, stacked; a legend entry opens the stage's customers. */
export function StageAreaChart({
  weeks,
  series,
}: {
  weeks: string[];
  series: { key: string; name: string; values: number[]; href: string }[];
}) {
  const t = useTranslations("journey.charts");
  const f = useFormat();
  const router = useRouter();
  const colours = stageColours(series.length);
  const data = weeks.map((week, index) =>
    Object.fromEntries([["week", week], ...series.map((s) => [s.key, s.values[index] ?? 0])]),
  );
  return (
    <div className="h-80 w-full" role="img" aria-label={t("stageArea.label")}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 16, left: 8, bottom: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
          <XAxis
            dataKey="week"
            tick={{ fontSize: 11 }}
            tickFormatter={(w: string) => f.shortDate(w)}
            minTickGap={28}
            label={{
              value: t("stageArea.week"),
              fill: CHART.axis,
              fontSize: 12,
              position: "insideBottom",
              offset: -12,
            }}
          />
          <YAxis
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => f.number(v)}
            label={{
              value: t("stageArea.customers"),
              fill: CHART.axis,
              fontSize: 12,
              angle: -90,
              position: "insideLeft",
            }}
          />
          <Tooltip
            content={({ active, label }) => {
              const index = active ? weeks.indexOf(String(label)) : -1;
              if (index < 0) return null;
              const week = weeks[index];
              const rows = series.map((s, i) => ({
                label: s.name,
                value: f.number(s.values[index] ?? 0),
                colour: colours[i].fill,
              }));
              const total = series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0);
              return (
                <ChartTooltipBox
                  title={t("stageArea.tooltipTitle", {
                    range: f.dateRange(week, new Date(Date.parse(week) + 6 * DAY_MS)),
                  })}
                  rows={[...rows].reverse()}
                  total={t("customers", { count: total })}
                />
              );
            }}
          />
          <Legend
            wrapperStyle={{ fontSize: 12, cursor: "pointer", paddingTop: 12 }}
            onClick={(entry) => {
              const stage = series.find((s) => s.key === entry.dataKey);
              if (stage) router.push(stage.href);
            }}
          />
          {series.map((s, index) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stackId="stages"
              stroke={colours[index].fill}
              fill={colours[index].fill}
              fillOpacity={0.85}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
