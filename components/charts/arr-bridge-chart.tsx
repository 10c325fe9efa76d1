"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART } from "@/lib/charts/palette";
import { waterfall, type WaterfallStep } from "@/lib/revenue";
import { ChartTooltipBox } from "@/components/charts/chart-tooltip";
import { useFormat } from "@/components/i18n/use-format";

export type BridgeStep = WaterfallStep;

/** The bridge as a waterfall: each movement floats from where the previous one left ARR. */
export function ArrBridgeChart({ steps }: { steps: BridgeStep[] }) {
  const t = useTranslations("journey.charts.arrBridge");
  const f = useFormat();
  const data = waterfall(steps).map((bar) => ({ ...bar, base: bar.baseCents / 100, value: bar.cents / 100 }));
  const colour = { total: CHART.total, gain: CHART.gain, loss: CHART.loss };
  return (
    <div className="h-64 w-full" role="img" aria-label={t("label")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={CHART.grid} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis
            tick={{ fontSize: 11 }}
            tickFormatter={(value: number) => f.money(value * 100)}
            width={80}
            label={{ value: t("arr"), fill: CHART.axis, fontSize: 12, angle: -90, position: "insideLeft", offset: -8 }}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            content={({ active, payload }) => {
              const step = active ? (payload?.[0]?.payload as BridgeStep | undefined) : undefined;
              if (!step) return null;
              const sign = step.kind === "gain" ? "+" : step.kind === "loss" ? "−" : "";
              return (
                <ChartTooltipBox
                  title={step.label}
                  rows={[{ label: t("arr"), value: `${sign}${f.money(step.cents)}`, colour: colour[step.kind] }]}
                />
              );
            }}
          />
          <Bar dataKey="base" stackId="bridge" fill="transparent" isAnimationActive={false} />
          <Bar dataKey="value" stackId="bridge" isAnimationActive={false}>
            {data.map((step) => (
              <Cell key={step.label} fill={colour[step.kind]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
