import { useTranslations } from "next-intl";

/** The one tooltip look for every chart: a title, a row per series and, where it adds up, a total. */
export function ChartTooltipBox({
  title,
  rows,
  total,
  hint,
}: {
  title: string;
  rows: { label: string; value: string; colour?: string }[];
  total?: string;
  hint?: string;
}) {
  const t = useTranslations("journey.charts");
  return (
    <div className="max-w-64 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{title}</p>
      <ul className="mt-1 space-y-0.5">
        {rows.map((row) => (
          <li key={row.label} className="flex items-center justify-between gap-3">
            <span className="flex items-center gap-1.5 text-slate-700">
              {row.colour ? (
                <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: row.colour }} />
              ) : null}
              {row.label}
            </span>
            <span className="tabular-nums font-medium text-slate-900">{row.value}</span>
          </li>
        ))}
      </ul>
      {total ? (
        <p className="mt-1 flex justify-between gap-3 border-t border-slate-100 pt-1 font-semibold text-slate-900">
          <span>{t("total")}</span>
          <span className="tabular-nums">{total}</span>
        </p>
      ) : null}
      {hint ? <p className="mt-1 text-slate-500">{hint}</p> : null}
    </div>
  );
}
