import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { DISPLAY_TIME_ZONE } from "@/lib/dates";
import { type DelightEffectRow, delightVerdict } from "@/lib/delight-effect";
import { formatCents, formatDateTime, formatNumber, formatPercent, formatSigned } from "@/lib/format";
import { EFFECT_HORIZON_DAYS, getDelightEffect } from "@/server/delight/effect";
import { ScrollRegion } from "@/components/ui/scroll-region";

const points = (value: number) => `${formatSigned(value * 100)} pts`;
const signed = (value: number) => formatSigned(value, 2);

function EffectTable({ label, rows }: { label: string; rows: DelightEffectRow[] }) {
  return (
    <ScrollRegion label={label}>
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3">
              {label}
            </th>
            <th scope="col" className="pl-3 text-right">
              Answered
            </th>
            <th scope="col" className="pl-3 text-right">
              Pairs
            </th>
            <th scope="col" className="pl-3 text-right">
              Churned: answered / not
            </th>
            <th scope="col" className="pl-3 text-right">
              Difference (95%)
            </th>
            <th scope="col" className="pl-3 text-right">
              Balance 30 days later
            </th>
            <th scope="col" className="pl-3 text-right">
              Cost per $ MRR kept
            </th>
            <th scope="col" className="pl-3">
              What it says
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, report }) => (
            <tr key={key} className="border-t border-slate-100 align-top" data-testid="effect-row">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {key.replace(/_/g, " ")}
              </th>
              <td className="pl-3 text-right tabular-nums">{formatNumber(report.treatedTotal)}</td>
              <td className="pl-3 text-right tabular-nums">{formatNumber(report.pairs)}</td>
              <td className="pl-3 text-right tabular-nums">
                {formatPercent(report.churnRateTreated)} / {formatPercent(report.churnRateControl)}
              </td>
              <td className="pl-3 text-right tabular-nums">
                {report.churnDifference
                  ? `${points(report.churnDifference.estimate)} (${points(report.churnDifference.lo)} to ${points(report.churnDifference.hi)})`
                  : "—"}
              </td>
              <td className="pl-3 text-right tabular-nums">
                {report.balanceLaterDifference ? signed(report.balanceLaterDifference.estimate) : "—"}
              </td>
              <td className="pl-3 text-right tabular-nums">
                {report.costPerRetainedMrr === null ? "—" : formatCents(report.costPerRetainedMrr * 100)}
              </td>
              <td className="pl-3 text-slate-700">{delightVerdict(report)}</td>
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
  const { overall, byGesture, byDebitType, computedAt } = await getDelightEffect(db);
  if (overall.treatedTotal === 0) {
    return (
      <EmptyState title="No answered debits to learn from yet">
        <p>
          Once delight moments answer complaints, bug reports or errors and {EFFECT_HORIZON_DAYS} days have passed, this
          page compares those customers with matched ones whose debit went unanswered.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      <Card title={`All delight moments: churn within ${EFFECT_HORIZON_DAYS} days`}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Overall">
          <div>
            <dt className="text-sm text-slate-600">Matched pairs</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="effect-pairs">
              {formatNumber(overall.pairs)}
            </dd>
            <dd className="text-xs text-slate-500">of {formatNumber(overall.treatedTotal)} answered debits</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Churned, answered / not answered</dt>
            <dd className="text-2xl font-semibold tabular-nums">
              {formatPercent(overall.churnRateTreated)} / {formatPercent(overall.churnRateControl)}
            </dd>
            <dd className="text-xs text-slate-500">
              {overall.churnDifference
                ? `difference ${points(overall.churnDifference.estimate)}, 95% interval ${points(overall.churnDifference.lo)} to ${points(overall.churnDifference.hi)}`
                : ""}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Balance 30 days later</dt>
            <dd className="text-2xl font-semibold tabular-nums">
              {overall.balanceLaterDifference ? signed(overall.balanceLaterDifference.estimate) : "—"}
            </dd>
            <dd className="text-xs text-slate-500">
              answered minus not answered, the gesture&apos;s own credit included
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Cost of the matched moments</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCents(overall.totalCostCents)}</dd>
            <dd className="text-xs text-slate-500">
              {overall.costPerRetainedMrr === null
                ? "no MRR kept on balance"
                : `${formatCents(overall.costPerRetainedMrr * 100)} per $1 of MRR kept`}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-sm font-medium text-slate-800" data-testid="effect-verdict">
          {delightVerdict(overall)}
        </p>
        <p className="mt-2 text-xs text-slate-500">
          Debits of the year before the last {EFFECT_HORIZON_DAYS} days, on customers active then; computed{" "}
          {formatDateTime(computedAt)} ({DISPLAY_TIME_ZONE}).
        </p>
      </Card>
      <Card title="By delight moment">
        <EffectTable label="Gesture" rows={byGesture} />
      </Card>
      <Card title="By the debit it answered">
        <EffectTable label="Debit" rows={byDebitType} />
      </Card>
      <Card title="How to read it, and its limits">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            Each answered debit is paired with the unanswered debit closest in balance among those of the same kind, MRR
            band and stage at the time (each used once, within one balance point). Unpaired ones are left out and
            counted.
          </li>
          <li>
            The interval is for the difference of paired churn rates (McNemar). When it spans zero, the pairs cannot
            tell the gesture from chance. Under 30 pairs the page says there are too few to tell.
          </li>
          <li>
            This is observation, not an experiment: a team may answer the debits it expects to save. Matching on
            balance, stage and MRR narrows that, it does not remove it. MRR is today&apos;s.
          </li>
        </ul>
      </Card>
    </div>
  );
}
