import { getTranslations } from "next-intl/server";
import type { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { type DelightEffectRow, DELIGHT_MATCHING, type DelightVerdict, delightVerdict } from "@/lib/delight-effect";
import type { Format } from "@/lib/format";
import { EFFECT_HORIZON_DAYS, getDelightEffect } from "@/server/delight/effect";
import { ScrollRegion } from "@/components/ui/scroll-region";

type T = ReturnType<typeof useTranslations<"delight">>;

/** The verdict in the reader's words. */
function verdictText(t: T, f: Format, verdict: DelightVerdict): string {
  if (verdict.kind !== "tooFewPairs") return t(`verdict.${verdict.kind}`);
  const tooFew = t("verdict.tooFewPairs", { pairs: f.number(verdict.pairs), minPairs: f.number(verdict.minPairs) });
  if (verdict.unmatched === 0) return tooFew;
  const unmatched = t("verdict.unmatched", {
    unmatched: f.number(verdict.unmatched),
    answered: f.number(verdict.answered),
    caliper: verdict.caliper,
  });
  return `${tooFew} ${unmatched}`;
}

function EffectTable({
  label,
  rows,
  name,
  t,
  f,
}: {
  label: string;
  rows: DelightEffectRow[];
  name: (key: string) => string;
  t: T;
  f: Format;
}) {
  const { minorPerUnit } = f;
  const points = (value: number) => t("effect.points", { value: f.signed(value * 100) });
  return (
    <ScrollRegion label={label}>
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3">
              {label}
            </th>
            <th scope="col" className="pl-3 text-right">
              {t("effect.table.answered")}
            </th>
            <th scope="col" className="pl-3 text-right">
              {t("effect.table.pairs")}
            </th>
            <th scope="col" className="pl-3 text-right">
              {t("effect.table.churned")}
            </th>
            <th scope="col" className="pl-3 text-right">
              {t("effect.table.difference")}
            </th>
            <th scope="col" className="pl-3 text-right">
              {t("effect.table.balanceLater")}
            </th>
            <th scope="col" className="pl-3 text-right">
              {t("effect.table.costPerMrr", { symbol: f.currencySymbol })}
            </th>
            <th scope="col" className="pl-3">
              {t("effect.table.says")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, report }) => (
            <tr key={key} className="border-t border-slate-100 align-top" data-testid="effect-row">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {name(key)}
              </th>
              <td className="pl-3 text-right tabular-nums">{f.number(report.treatedTotal)}</td>
              <td className="pl-3 text-right tabular-nums">{f.number(report.pairs)}</td>
              <td className="pl-3 text-right tabular-nums">
                {t("effect.rates", {
                  treated: f.percent(report.churnRateTreated),
                  control: f.percent(report.churnRateControl),
                })}
              </td>
              <td className="pl-3 text-right tabular-nums">
                {report.churnDifference
                  ? t("effect.range", {
                      estimate: points(report.churnDifference.estimate),
                      lo: points(report.churnDifference.lo),
                      hi: points(report.churnDifference.hi),
                    })
                  : "—"}
              </td>
              <td className="pl-3 text-right tabular-nums">
                {report.balanceLaterDifference ? f.signed(report.balanceLaterDifference.estimate, 2) : "—"}
              </td>
              <td className="pl-3 text-right tabular-nums">
                {report.costPerRetainedMrr === null ? "—" : f.money(report.costPerRetainedMrr * minorPerUnit)}
              </td>
              <td className="pl-3 text-slate-700">{verdictText(t, f, delightVerdict(report))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Answered debits against matched unanswered ones, overall, per gesture and per kind of debit. */
export async function DelightEffect() {
  const db = await readDb();
  const [t, tl, f, { overall, byGesture, byDebitType, computedAt }] = await Promise.all([
    getTranslations("delight"),
    getTranslations("labels"),
    getFormat(),
    getDelightEffect(db),
  ]);
  if (overall.treatedTotal === 0) {
    return (
      <EmptyState title={t("effect.emptyTitle")}>
        <p>{t("effect.emptyText", { days: f.number(EFFECT_HORIZON_DAYS) })}</p>
      </EmptyState>
    );
  }
  const { minorPerUnit } = f;
  const points = (value: number) => t("effect.points", { value: f.signed(value * 100) });
  // A gesture is written by the team; a kind of debit is a built-in interaction type.
  const gestureName = (key: string) => key.replace(/_/g, " ");
  const debitName = (key: string) => {
    const label = `interactionTypes.${key}` as Parameters<typeof tl>[0];
    return tl.has(label) ? tl(label) : key.replace(/_/g, " ");
  };
  return (
    <div className="space-y-6">
      <Card title={t("effect.overallTitle", { days: f.number(EFFECT_HORIZON_DAYS) })}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("effect.overallAria")}>
          <div>
            <dt className="text-sm text-slate-600">{t("effect.matchedPairs")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="effect-pairs">
              {f.number(overall.pairs)}
            </dd>
            <dd className="text-xs text-slate-500">{t("effect.ofAnswered", { count: overall.treatedTotal })}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("effect.churnedLabel")}</dt>
            <dd className="text-2xl font-semibold tabular-nums">
              {t("effect.rates", {
                treated: f.percent(overall.churnRateTreated),
                control: f.percent(overall.churnRateControl),
              })}
            </dd>
            <dd className="text-xs text-slate-500">
              {overall.churnDifference
                ? t("effect.difference", {
                    estimate: points(overall.churnDifference.estimate),
                    lo: points(overall.churnDifference.lo),
                    hi: points(overall.churnDifference.hi),
                  })
                : ""}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("effect.balanceLater")}</dt>
            <dd className="text-2xl font-semibold tabular-nums">
              {overall.balanceLaterDifference ? f.signed(overall.balanceLaterDifference.estimate, 2) : "—"}
            </dd>
            <dd className="text-xs text-slate-500">{t("effect.balanceLaterHint")}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("effect.cost")}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{f.money(overall.totalCostCents)}</dd>
            <dd className="text-xs text-slate-500">
              {overall.costPerRetainedMrr === null
                ? t("effect.noMrrKept")
                : t("effect.perMrrKept", {
                    cost: f.money(overall.costPerRetainedMrr * minorPerUnit),
                    unit: f.money(minorPerUnit),
                  })}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-sm font-medium text-slate-800" data-testid="effect-verdict">
          {verdictText(t, f, delightVerdict(overall))}
        </p>
        <p className="mt-2 text-xs text-slate-500">
          {t("effect.footnote", {
            days: f.number(EFFECT_HORIZON_DAYS),
            at: f.dateTime(computedAt),
            zone: f.timeZone,
          })}
        </p>
      </Card>
      <Card title={t("effect.byGesture")}>
        <EffectTable label={t("effect.gesture")} rows={byGesture} name={gestureName} t={t} f={f} />
      </Card>
      <Card title={t("effect.byDebit")}>
        <EffectTable label={t("effect.debit")} rows={byDebitType} name={debitName} t={t} f={f} />
      </Card>
      <Card title={t("effect.howTitle")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("effect.howPairs")}</li>
          <li>{t("effect.howInterval", { minPairs: f.number(DELIGHT_MATCHING.minPairs) })}</li>
          <li>{t("effect.howObservation")}</li>
        </ul>
      </Card>
    </div>
  );
}
