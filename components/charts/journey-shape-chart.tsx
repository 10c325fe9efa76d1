"use client";

import { useRouter } from "next/navigation";
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
import { countOf, formatNumber, formatPercent } from "@/lib/format";
import { CHART, type StageColour, stageColours } from "@/lib/charts/palette";
import { ChartTooltipBox } from "./chart-tooltip";

/**
 * `count`: customers in the stage now; `reached`: customers who ever got that far (the funnel);
 * `href`: the stage's customers, opened by a click on its bar.
 */
export type ShapeDatum = { name: string; count: number; reached: number; href: string };

type Row = ShapeDatum & { colour: StageColour; offset: number };

function StageTooltip({ row, rows, funnel }: { row: Row; rows: Row[]; funnel: boolean }) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const first = rows[0]?.reached ?? 0;
  return (
    <ChartTooltipBox
      title={row.name}
      rows={
        funnel
          ? [
              { label: "Reached it", value: countOf(row.reached, "customer"), colour: row.colour.fill },
              { label: "Of the first stage", value: formatPercent(first === 0 ? null : row.reached / first) },
            ]
          : [
              { label: "In it now", value: countOf(row.count, "customer"), colour: row.colour.fill },
              { label: "Share of the book", value: formatPercent(total === 0 ? null : row.count / total) },
            ]
      }
      total={funnel ? undefined : countOf(total, "customer")}
      hint="Click to open its customers"
    />
  );
}

/** A stage's count in the middle of its bar, in the ink that reads on the bar's colour; clicks pass through. */
function CentredLabel({
  x,
  y,
  width,
  height,
  value,
  index,
  rows,
}: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  index?: number;
  rows: Row[];
}) {
  return (
    <text
      x={Number(x) + Number(width) / 2}
      y={Number(y) + Number(height) / 2}
      textAnchor="middle"
      dominantBaseline="central"
      pointerEvents="none"
      fontSize={11}
      fill={rows[index ?? 0]?.colour.text}
    >
      {formatNumber(Number(value))}
    </text>
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
  const router = useRouter();
  const colours = stageColours(data.length);
  const max = Math.max(1, ...data.map((d) => d.count));
  const rows: Row[] = data.map((d, i) => ({ ...d, colour: colours[i], offset: (max - d.count) / 2 }));
  const open = (index: number) => {
    const row = rows[index];
    if (row) router.push(row.href);
  };
  const tooltip = (funnel: boolean) => (
    <Tooltip
      cursor={{ fill: "#f1f5f9" }}
      content={({ active, payload }) => {
        const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
        return row ? (
          <StageTooltip row={rows.find((r) => r.name === row.name) ?? row} rows={rows} funnel={funnel} />
        ) : null;
      }}
    />
  );
  const label = (text: string) => ({ value: text, fill: CHART.axis, fontSize: 12 });
  return (
    <div
      className={`${compact ? "h-64" : "h-80"} w-full`}
      role="img"
      aria-label={`${shape === "funnel" ? "Funnel chart of customers who reached each stage" : shape === "hourglass" ? "Hourglass chart of customers now in each stage" : "Bar chart of customers now in each stage"}; the table below has the numbers`}
    >
      <ResponsiveContainer width="100%" height="100%">
        {shape === "funnel" ? (
          <FunnelChart margin={{ right: 120 }}>
            {tooltip(true)}
            <Funnel
              dataKey="reached"
              nameKey="name"
              data={rows.map((row) => ({ ...row, fill: row.colour.fill }))}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => open(index)}
            >
              <LabelList position="right" fill="#334155" stroke="none" dataKey="name" fontSize={12} />
              <LabelList
                position="center"
                stroke="none"
                dataKey="reached"
                fontSize={11}
                content={(props) => <CentredLabel {...props} rows={rows} />}
              />
            </Funnel>
          </FunnelChart>
        ) : shape === "hourglass" ? (
          <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 24, bottom: 16 }} barCategoryGap={2}>
            <XAxis type="number" hide domain={[0, max]} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
            {tooltip(false)}
            <Bar dataKey="offset" stackId="shape" fill="transparent" isAnimationActive={false} />
            <Bar
              dataKey="count"
              stackId="shape"
              isAnimationActive={false}
              radius={3}
              cursor="pointer"
              onClick={(_, index) => open(index)}
            >
              {rows.map((row) => (
                <Cell key={row.name} fill={row.colour.fill} />
              ))}
              <LabelList
                dataKey="count"
                position="center"
                fontSize={11}
                content={(props) => <CentredLabel {...props} rows={rows} />}
              />
            </Bar>
          </BarChart>
        ) : (
          <BarChart data={rows} margin={{ top: 16, left: 8, bottom: 16 }}>
            <XAxis
              dataKey="name"
              tick={{ fontSize: 12 }}
              label={{ ...label("Stage"), position: "insideBottom", offset: -12 }}
            />
            <YAxis
              tick={{ fontSize: 11 }}
              tickFormatter={(v: number) => formatNumber(v)}
              label={{ ...label("Customers"), angle: -90, position: "insideLeft" }}
            />
            {tooltip(false)}
            <Bar
              dataKey="count"
              isAnimationActive={false}
              radius={3}
              cursor="pointer"
              onClick={(_, index) => open(index)}
            >
              {rows.map((row) => (
                <Cell key={row.name} fill={row.colour.fill} />
              ))}
              <LabelList dataKey="count" position="top" fontSize={11} formatter={(v) => formatNumber(Number(v))} />
            </Bar>
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
