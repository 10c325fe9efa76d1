"use client";

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

export type BalanceChartData = {
  points: { day: string; balance: number }[];
  markers: { day: string; kind: "delight" | "milestone"; label: string }[];
};

const round = (value: number) => Math.round(value * 100) / 100;

export function BalanceChart({ points, markers }: BalanceChartData) {
  const byDay = new Map(points.map((p) => [p.day, p.balance]));
  return (
    <div className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: -10 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} tickFormatter={(day: string) => day.slice(5)} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => String(round(v))} />
          <Tooltip formatter={(value) => [round(Number(value)), "Balance"]} />
          <ReferenceLine y={0} stroke="#94a3b8" />
          <Line
            type="monotone"
            dataKey="balance"
            stroke="#2459d6"
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
              fill={marker.kind === "delight" ? "#c026d3" : "#2459d6"}
              stroke="white"
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
