"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Observed churn rate per score bin, lowest scores left: the bars should rise to the right. */
export function CalibrationChart({ bins }: { bins: { label: string; churnRate: number; customers: number }[] }) {
  const data = bins.map((bin) => ({ ...bin, percent: Math.round(bin.churnRate * 1000) / 10 }));
  return (
    <div
      className="h-56 w-full"
      role="img"
      aria-label="Bar chart of the observed churn rate per score bin; the table beside it has the numbers"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} unit="%" />
          <Tooltip formatter={(value) => [`${value}%`, "churned within the horizon"]} />
          <Bar dataKey="percent" fill="#1d47ad" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
