import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { readDb } from "@/server/reads/read-db";
import { formatCents, formatDate, formatTimes } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { INTERVAL_LABELS, monthlyCents, MOVEMENT_LABELS } from "@/lib/revenue";
import { getCustomerRevenue } from "@/server/revenue/queries";
import { ArrHistoryChart } from "@/components/charts/lazy";
import { AddSubscriptionForm, SubscriptionActions } from "./subscription-forms";

/** What the customer pays, how it moved, and what they cost to delight against what they have paid. */
export async function RevenueCard({
  customer,
  member,
}: {
  customer: { id: number; plan: string; arrCents: number };
  member: SessionMember;
}) {
  const db = await readDb();
  const revenue = await getCustomerRevenue(db, customer.id);
  const canWrite = can(member.role, "customers.write");
  const points = [
    ...revenue.movements.map((m) => ({
      at: m.occurredAt.getTime(),
      arrCents: m.arrAfterCents,
      label: MOVEMENT_LABELS[m.kind],
    })),
    ...(revenue.movements.length > 0
      ? [{ at: revenue.asOf.getTime(), arrCents: customer.arrCents, label: "Today" }]
      : []),
  ];
  const paysBack = revenue.costToServeCents > 0 ? revenue.revenueToDateCents / revenue.costToServeCents : null;
  return (
    <Card title="Revenue">
      <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">ARR</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatCents(customer.arrCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">MRR</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatCents(monthlyCents(customer.arrCents))}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Revenue to date</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatCents(revenue.revenueToDateCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Cost to serve (delight)</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {formatCents(revenue.costToServeCents)}
            {paysBack !== null ? (
              <span className="block text-xs font-normal text-slate-600">
                revenue is {formatTimes(paysBack)} the cost
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      {points.length > 1 ? <ArrHistoryChart points={points} /> : null}
      {revenue.subscriptions.length === 0 ? (
        <p className="text-sm text-slate-600">No subscription yet{canWrite ? ": add the first below." : "."}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Subscriptions">
          {revenue.subscriptions.map((s) => (
            <li key={s.id} className="py-3" data-testid="subscription">
              <p className="text-sm">
                <span className="font-medium">{s.plan}</span> · {formatCents(s.amountCents)}{" "}
                {INTERVAL_LABELS[s.interval].toLowerCase()} · started {formatDate(s.startedAt)}
                {s.status === "active"
                  ? s.renewsOn
                    ? ` · ${s.cancelAtPeriodEnd ? "ends" : "renews"} ${formatDate(s.renewsOn, "UTC")}`
                    : ""
                  : ` · ended ${formatDate(s.endedAt)}`}
              </p>
              {canWrite ? (
                <div className="mt-2">
                  <SubscriptionActions
                    id={s.id}
                    plan={s.plan}
                    amount={(s.amountCents / 100).toFixed(2)}
                    interval={s.interval}
                    renewsOn={s.renewsOn}
                    cancelAtPeriodEnd={s.cancelAtPeriodEnd}
                    active={s.status === "active"}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {revenue.movements.length > 0 ? (
        <ScrollRegion label="Revenue movements">
          <table className="mt-3 w-full text-left text-sm" aria-label="Revenue movements">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  When
                </th>
                <th scope="col" className="pl-3">
                  Movement
                </th>
                <th scope="col" className="pl-3 text-right">
                  ARR change
                </th>
                <th scope="col" className="pl-3 text-right">
                  ARR after
                </th>
              </tr>
            </thead>
            <tbody>
              {[...revenue.movements].reverse().map((m) => (
                <tr key={m.id} className="border-t border-slate-100">
                  <td className="py-1.5 pr-3">{formatDate(m.occurredAt)}</td>
                  <td className="pl-3">{MOVEMENT_LABELS[m.kind]}</td>
                  <td className="pl-3 text-right tabular-nums">
                    {m.deltaCents > 0 ? "+" : "−"}
                    {formatCents(Math.abs(m.deltaCents))}
                  </td>
                  <td className="pl-3 text-right tabular-nums">{formatCents(m.arrAfterCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {canWrite ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a subscription</summary>
          <div className="mt-3">
            <AddSubscriptionForm customerId={customer.id} plan={customer.plan} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
