"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { DAY_MS } from "@/lib/dates";

/**
 * A tiny inline SVG line, light enough for one per row on a list (no chart library). Hovering it
 * shows the day and the balance under the pointer.
 */
export function Sparkline({
  values,
  lastDay,
  label,
  width = 96,
  height = 28,
}: {
  values: number[];
  /** The day of the last value ("2026-12-01"); the values are one per day up to it. */
  lastDay: string;
  label: string;
  width?: number;
  height?: number;
}) {
  const [hover, setHover] = useState<number | null>(null);
  if (values.length < 2) return null;
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => height - ((v - min) / span) * height;
  // Whole pixels: a 96-pixel line needs no finer points, and a list of 25 stays small.
  const points = values.map((v, i) => `${Math.round(x(i))},${Math.round(y(v))}`).join(" ");
  const last = values[values.length - 1];
  return (
    <span className="relative inline-block">
      <svg
        role="img"
        aria-label={label}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="overflow-visible"
        onMouseMove={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          const share = (event.clientX - box.left) / box.width;
          setHover(Math.min(values.length - 1, Math.max(0, Math.round(share * (values.length - 1)))));
        }}
        onMouseLeave={() => setHover(null)}
      >
        <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke="#cbd5e1" strokeDasharray="2 2" />
        <polyline points={points} fill="none" stroke={last < 0 ? "#b91c1c" : "#047857"} strokeWidth={1.5} />
        {hover === null ? null : <circle cx={x(hover)} cy={y(values[hover])} r={2.5} fill="#0f172a" />}
      </svg>
      {hover === null ? null : (
        <Tooltip day={new Date(Date.parse(lastDay) - (values.length - 1 - hover) * DAY_MS)} balance={values[hover]} />
      )}
    </span>
  );
}

/** The day and balance under the pointer; only a hovered line pays for its words. */
function Tooltip({ day, balance }: { day: Date; balance: number }) {
  const t = useTranslations("journey.charts.sparkline");
  const f = useFormat();
  return (
    <span
      role="tooltip"
      className="pointer-events-none absolute bottom-full left-1/2 z-10 mb-1 -translate-x-1/2 whitespace-nowrap rounded bg-slate-900 px-1.5 py-0.5 text-xs text-white"
    >
      {t("tooltip", { day: f.shortDate(day), balance: f.signed(balance) })}
    </span>
  );
}
