import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ChartTooltipBox } from "@/components/charts/chart-tooltip";
import { useFormat } from "@/components/i18n/use-format";
import { Link } from "@/components/ui/link";
import { type StageColour, stageColours } from "@/lib/charts/palette";

/**
 * `count`: customers in the stage now; `reached`: customers who ever got that far (the funnel);
 * `href`: the stage's customers, opened from its bar.
 */
type ShapeDatum = { name: string; count: number; reached: number; href: string };

type Shape = "hourglass" | "funnel" | "stages";

type Bar = ShapeDatum & { value: number; share: number; colour: StageColour };

/**
 * The journey's shape, drawn on the server as plain HTML: each stage a link to its customers with
 * its figures on hover or focus. Bars are the one chart every journey page opens with, so drawing
 * them needs no script on a phone (recharts cost the overview over a second of a mobile CPU).
 */
export function JourneyShape({
  shape,
  data,
  compact = false,
}: {
  shape: Shape;
  data: ShapeDatum[];
  compact?: boolean;
}) {
  const t = useTranslations("journey.shape");
  const f = useFormat();
  const funnel = shape === "funnel";
  const colours = stageColours(data.length);
  const max = Math.max(1, ...data.map((d) => (funnel ? d.reached : d.count)));
  const bars: Bar[] = data.map((d, i) => {
    const value = funnel ? d.reached : d.count;
    return { ...d, value, share: value / max, colour: colours[i] };
  });
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const first = data[0]?.reached ?? 0;
  const tooltip = (bar: Bar) => (
    <ChartTooltipBox
      title={bar.name}
      rows={
        funnel
          ? [
              { label: t("reachedIt"), value: t("customers", { count: bar.reached }), colour: bar.colour.fill },
              { label: t("ofFirstStage"), value: f.percent(first === 0 ? null : bar.reached / first) },
            ]
          : [
              { label: t("inItNow"), value: t("customers", { count: bar.count }), colour: bar.colour.fill },
              { label: t("shareOfBook"), value: f.percent(total === 0 ? null : bar.count / total) },
            ]
      }
      total={funnel ? undefined : t("customers", { count: total })}
      hint={t("hint")}
    />
  );
  return (
    <figure aria-label={t(`caption.${shape}`)} className="w-full">
      {shape === "stages" ? (
        <Columns bars={bars} tooltip={tooltip} compact={compact} />
      ) : (
        <Rows bars={bars} tooltip={tooltip} compact={compact} />
      )}
    </figure>
  );
}

type Parts = { bars: Bar[]; tooltip: (bar: Bar) => ReactNode; compact: boolean };

/** A stage's bar: a link to its customers, named with its count, its figures shown on hover or focus. */
function StageBar({
  bar,
  tooltip,
  className,
  tipPlace,
  children,
}: {
  bar: Bar;
  tooltip: Parts["tooltip"];
  className: string;
  tipPlace: string;
  children: ReactNode;
}) {
  const t = useTranslations("journey.shape");
  return (
    <Link
      href={bar.href}
      aria-label={t("barLabel", { stage: bar.name, count: bar.value })}
      className={`group relative rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 ${className}`}
      data-stage-bar={bar.name}
    >
      {children}
      <span
        className={`pointer-events-none absolute z-20 hidden w-max -translate-x-1/2 group-hover:block group-focus-visible:block left-1/2 ${tipPlace}`}
        role="tooltip"
      >
        {tooltip(bar)}
      </span>
    </Link>
  );
}

/** Hourglass and funnel: a row per stage, its bar centred so that the rows draw the shape. */
function Rows({ bars, tooltip, compact }: Parts) {
  const f = useFormat();
  return (
    <div className={compact ? "space-y-1" : "space-y-1.5"}>
      {bars.map((bar) => (
        <div key={bar.name} className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)_4rem] items-center gap-x-3">
          <span className="truncate text-right text-xs text-slate-700">{bar.name}</span>
          <StageBar
            bar={bar}
            tooltip={tooltip}
            className={`flex justify-center ${compact ? "h-6" : "h-8"}`}
            tipPlace="top-full mt-1"
          >
            <span
              className="h-full rounded-sm"
              style={{ width: `${Math.max(bar.share * 100, 0.5)}%`, background: bar.colour.fill }}
            />
          </StageBar>
          <span className="text-right text-xs tabular-nums text-slate-900">{f.number(bar.value)}</span>
        </div>
      ))}
    </div>
  );
}

/** SCALE's stages: a column per stage, its count on top and its name below. */
function Columns({ bars, tooltip, compact }: Parts) {
  const f = useFormat();
  return (
    <ol className="flex items-stretch gap-2">
      {bars.map((bar) => (
        <li key={bar.name} className="flex min-w-0 flex-1 flex-col items-stretch gap-1">
          <StageBar
            bar={bar}
            tooltip={tooltip}
            className={`flex flex-col justify-end ${compact ? "h-48" : "h-64"}`}
            tipPlace="bottom-1/2"
          >
            <span className="text-center text-xs tabular-nums text-slate-900">{f.number(bar.value)}</span>
            <span
              className="w-full rounded-t-sm"
              style={{ height: `${Math.max(bar.share * 85, 0.5)}%`, background: bar.colour.fill }}
            />
          </StageBar>
          <span className="truncate text-center text-xs text-slate-700">{bar.name}</span>
        </li>
      ))}
    </ol>
  );
}
