"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = [
  "#172f66",
  "#1d47ad",
  "#2459d6",
  "#3b6fe0",
  "#5a86e6",
  "#7b9eeb",
  "#0f766e",
  "#14b8a6",
  "#a855f7",
  "#c026d3",
  "#f59e0b",
  "#ef4444",
  "#64748b",
];

/** Customers per stage at the end of each week, stacked. */
export function StageAreaChart({
  weeks,
  series,
}: {
  weeks: string[];
  series: { key: string; name: string; values: number[] }[];
}) {
  const data = weeks.map((week, index) =>
    Object.fromEntries([["week", week], ...series.map((s) => [s.key, s.values[index] ?? 0])]),
  );
  return (
    <div
      className="h-72 w-full"
      role="img"
      aria-label="Stacked area chart of customers per stage by week; the table below has the numbers"
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 16, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="week" tick={{ fontSize: 11 }} tickFormatter={(w: string) => w.slice(5)} minTickGap={28} />
          <YAxis tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, index) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stackId="stages"
              stroke={COLORS[index % COLORS.length]}
              fill={COLORS[index % COLORS.length]}
              fillOpacity={0.7}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
