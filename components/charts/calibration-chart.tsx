"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/components/i18n/use-format";
import { CHART } from "@/lib/charts/palette";
import { ChartTooltipBox } from "./chart-tooltip";

type Bin = { label: string; churnRate: number; customers: number };

/** Observed churn rate per score bin, lowest scores left: the bars should rise to the right. */
export function CalibrationChart({ bins }: { bins: Bin[] }) {
  const t = useTranslations("journey.charts");
  const f = useFormat();
  const data = bins.map((bin) => ({ ...bin, percent: Math.round(bin.churnRate * 1000) / 10 }));
  return (
    <div className="h-60 w-full" role="img" aria-label={t("calibration.label")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: 8, bottom: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11 }}
            label={{
              value: t("calibration.riskScore"),
              fill: CHART.axis,
              fontSize: 12,
              position: "insideBottom",
              offset: -12,
            }}
          />
          <YAxis
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => f.percent(v / 100, Number.isInteger(v) ? 0 : 1)}
            label={{
              value: t("calibration.churned"),
              fill: CHART.axis,
              fontSize: 12,
              angle: -90,
              position: "insideLeft",
            }}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            content={({ active, payload }) => {
              const bin = active ? (payload?.[0]?.payload as Bin | undefined) : undefined;
              if (!bin) return null;
              return (
                <ChartTooltipBox
                  title={t("calibration.tooltipTitle", { bin: bin.label })}
                  rows={[
                    {
                      label: t("calibration.churnedWithinHorizon"),
                      value: f.percent(bin.churnRate),
                      colour: CHART.line,
                    },
                    { label: t("calibration.customersInBin"), value: t("customers", { count: bin.customers }) },
                  ]}
                />
              );
            }}
          />
          <Bar dataKey="percent" fill={CHART.line} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
