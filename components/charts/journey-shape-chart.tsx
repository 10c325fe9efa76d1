"use client";

import {
  Bar,
  BarChart,
  Cell,
  Funnel,
  FunnelChart,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** `count`: customers in the stage now; `reached`: customers who ever got that far (the funnel). */
export type ShapeDatum = { name: string; count: number; reached: number };

const COLORS = [
  "#1d47ad",
  "#2459d6",
  "#3b6fe0",
  "#5a86e6",
  "#7b9eeb",
  "#9bb6f0",
  "#7b9eeb",
  "#5a86e6",
  "#3b6fe0",
  "#2459d6",
  "#1d47ad",
  "#172f66",
  "#0f1f44",
];

/** The hourglass: bars centred on one axis, narrowing to the purchase and widening after it. */
function Hourglass({ data }: { data: ShapeDatum[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const rows = data.map((d) => ({ ...d, offset: (max - d.count) / 2 }));
  return (
    <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 24 }} barCategoryGap={2}>
      <XAxis type="number" hide domain={[0, max]} />
      <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
      <Tooltip
        formatter={(value, name) => (name === "offset" ? [null, null] : [value, "Customers"])}
        cursor={{ fill: "#f1f5f9" }}
      />
      <Bar dataKey="offset" stackId="shape" fill="transparent" isAnimationActive={false} />
      <Bar dataKey="count" stackId="shape" isAnimationActive={false} radius={3}>
        {rows.map((row, index) => (
          <Cell key={row.name} fill={COLORS[index % COLORS.length]} />
        ))}
        <LabelList dataKey="count" position="center" fill="white" fontSize={11} />
      </Bar>
    </BarChart>
  );
}

export function JourneyShapeChart({
  shape,
  data,
  compact = false,
}: {
  shape: "hourglass" | "funnel" | "stages";
  data: ShapeDatum[];
  compact?: boolean;
}) {
  return (
    <div
      className={`${compact ? "h-64" : "h-80"} w-full`}
      role="img"
      aria-label={`${shape === "funnel" ? "Funnel chart of customers who reached each stage" : shape === "hourglass" ? "Hourglass chart of customers now in each stage" : "Bar chart of customers now in each stage"}; the table below has the numbers`}
    >
      <ResponsiveContainer width="100%" height="100%">
        {shape === "funnel" ? (
          <FunnelChart margin={{ right: 120 }}>
            <Tooltip />
            <Funnel
              dataKey="reached"
              nameKey="name"
              data={data.map((d, i) => ({ ...d, fill: COLORS[i % COLORS.length] }))}
              isAnimationActive={false}
            >
              <LabelList position="right" fill="#334155" stroke="none" dataKey="name" fontSize={12} />
              <LabelList position="center" fill="white" stroke="none" dataKey="reached" fontSize={11} />
            </Funnel>
          </FunnelChart>
        ) : shape === "hourglass" ? (
          <Hourglass data={data} />
        ) : (
          <BarChart data={data} margin={{ top: 16 }}>
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey="count" name="Customers" fill="#2459d6" isAnimationActive={false} radius={3}>
              <LabelList dataKey="count" position="top" fontSize={11} />
            </Bar>
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
