"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART } from "@/lib/charts/palette";
import { ChartTooltipBox } from "@/components/charts/chart-tooltip";
import { useFormat } from "@/components/i18n/use-format";

export type ArrPoint = { at: number; arrCents: number; label: string };

/** The customer's ARR over time, a step at each movement. */
export function ArrHistoryChart({ points }: { points: ArrPoint[] }) {
  const t = useTranslations("journey.charts.arrHistory");
  const f = useFormat();
  const data = points.map((p) => ({ ...p, arr: p.arrCents / 100 }));
  return (
    <div className="h-48 w-full" role="img" aria-label={t("label")}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, left: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tick={{ fontSize: 11 }}
            tickFormatter={(value: number) => f.shortDate(new Date(value))}
          />
          <YAxis
            tick={{ fontSize: 11 }}
            width={72}
            tickFormatter={(value: number) => f.money(value * 100)}
            label={{ value: t("arr"), fill: CHART.axis, fontSize: 12, angle: -90, position: "insideLeft", offset: -8 }}
          />
          <Tooltip
            content={({ active, payload }) => {
              const point = active ? (payload?.[0]?.payload as ArrPoint | undefined) : undefined;
              if (!point) return null;
              return (
                <ChartTooltipBox
                  title={f.date(new Date(point.at))}
                  rows={[{ label: point.label, value: f.money(point.arrCents), colour: CHART.line }]}
                />
              );
            }}
          />
          <Line
            type="stepAfter"
            dataKey="arr"
            stroke={CHART.line}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
