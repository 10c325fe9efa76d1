"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, stageColours } from "@/lib/charts/palette";
import { ChartTooltipBox } from "@/components/charts/chart-tooltip";
import { useFormat } from "@/components/i18n/use-format";

export type CohortCurve = { cohort: string; label: string; retained: (number | null)[] };

/** Revenue kept by each monthly cohort, month by month since its first revenue. */
export function CohortChart({ curves, months }: { curves: CohortCurve[]; months: number }) {
  const t = useTranslations("journey.charts.cohort");
  const f = useFormat();
  const colours = stageColours(curves.length);
  const data = Array.from({ length: months }, (_, offset) => ({
    offset,
    ...Object.fromEntries(
      curves.map((c) => {
        const share = c.retained[offset];
        // Months a cohort has not reached yet are gaps, not zeros.
        return [c.cohort, share === null || share === undefined ? null : Math.round(share * 1000) / 10];
      }),
    ),
  }));
  return (
    <div className="h-72 w-full" role="img" aria-label={t("label")}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, left: 8, bottom: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
          <XAxis
            dataKey="offset"
            tick={{ fontSize: 11 }}
            tickFormatter={(offset: number) => f.number(offset)}
            label={{
              value: t("monthsSinceFirstRevenue"),
              fill: CHART.axis,
              fontSize: 12,
              position: "insideBottom",
              offset: -12,
            }}
          />
          <YAxis
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => f.percent(v / 100, Number.isInteger(v) ? 0 : 1)}
            label={{ value: t("revenueKept"), fill: CHART.axis, fontSize: 12, angle: -90, position: "insideLeft" }}
          />
          <Tooltip
            content={({ active, payload, label }) => {
              if (!active || !payload?.length) return null;
              return (
                <ChartTooltipBox
                  title={t("tooltipTitle", { month: f.number(Number(label)) })}
                  rows={payload.map((p) => ({
                    label: curves.find((c) => c.cohort === p.dataKey)?.label ?? String(p.dataKey),
                    value: f.percent(Number(p.value) / 100),
                    colour: p.color,
                  }))}
                />
              );
            }}
          />
          <Legend
            verticalAlign="top"
            height={28}
            formatter={(value: string) => (
              // Legend text in the line's own colour would be too faint to read for the lighter cohorts.
              <span className="text-slate-700">{curves.find((c) => c.cohort === value)?.label ?? value}</span>
            )}
          />
          {curves.map((curve, i) => (
            <Line
              key={curve.cohort}
              dataKey={curve.cohort}
              stroke={colours[i].fill}
              dot={false}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
