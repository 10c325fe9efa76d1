"use client";

import { useTranslations } from "next-intl";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat } from "@/components/i18n/use-format";
import { CHART } from "@/lib/charts/palette";
import { ChartTooltipBox } from "./chart-tooltip";

export type BalanceChartData = {
  points: { day: string; balance: number }[];
  markers: { day: string; kind: "delight" | "milestone"; label: string }[];
};

const MARKER_COLOUR = { delight: CHART.delight, milestone: CHART.line };

/** The balance per day; a hover shows the day's balance and what happened on it (delight, milestones). */
export function BalanceChart({ points, markers }: BalanceChartData) {
  const t = useTranslations("journey.charts.balance");
  const f = useFormat();
  const byDay = new Map(points.map((p) => [p.day, p.balance]));
  return (
    <div className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 10, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
          <XAxis
            dataKey="day"
            tick={{ fontSize: 11 }}
            tickFormatter={(day: string) => f.shortDate(day)}
            minTickGap={24}
            label={{ value: t("day"), fill: CHART.axis, fontSize: 12, position: "insideBottom", offset: -12 }}
          />
          <YAxis
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => f.signed(v, Number.isInteger(v) ? 0 : 1)}
            label={{ value: t("balance"), fill: CHART.axis, fontSize: 12, angle: -90, position: "insideLeft" }}
          />
          <Tooltip
            content={({ active, label }) => {
              const day = active ? String(label) : null;
              const balance = day === null ? undefined : byDay.get(day);
              if (day === null || balance === undefined) return null;
              const events = markers.filter((m) => m.day === day);
              return (
                <ChartTooltipBox
                  title={f.date(day)}
                  rows={[
                    { label: t("balance"), value: f.signed(balance), colour: CHART.line },
                    ...events.map((m) => ({
                      label: t(m.kind),
                      value: m.label,
                      colour: MARKER_COLOUR[m.kind],
                    })),
                  ]}
                />
              );
            }}
          />
          <ReferenceLine y={0} stroke={CHART.zero} />
          <Line
            type="monotone"
            dataKey="balance"
            stroke={CHART.line}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {markers.map((marker, index) => (
            <ReferenceDot
              key={`${marker.kind}-${marker.day}-${index}`}
              x={marker.day}
              y={byDay.get(marker.day) ?? 0}
              r={5}
              fill={MARKER_COLOUR[marker.kind]}
              stroke="white"
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
