import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { readDb } from "@/server/reads/read-db";
import { createFormat } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { monthlyCents } from "@/lib/revenue";
import { getCustomerRevenue } from "@/server/revenue/queries";
import { getFormat } from "@/server/i18n/format";
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
  const [revenue, t, f] = await Promise.all([
    getCustomerRevenue(db, customer.id),
    getTranslations("customers.revenue"),
    getFormat(),
  ]);
  // Renewal days are calendar days (stored as "2026-03-14"), so they read the same in every time zone.
  const calendar = createFormat({ locale: f.locale, timeZone: "UTC", currency: f.currency, never: "" });
  const canWrite = can(member.role, "customers.write");
  const points = [
    ...revenue.movements.map((m) => ({
      at: m.occurredAt.getTime(),
      arrCents: m.arrAfterCents,
      label: t(`movementKinds.${m.kind}`),
    })),
    ...(revenue.movements.length > 0
      ? [{ at: revenue.asOf.getTime(), arrCents: customer.arrCents, label: t("today") }]
      : []),
  ];
  const paysBack = revenue.costToServeCents > 0 ? revenue.revenueToDateCents / revenue.costToServeCents : null;
  return (
    <Card title={t("title")}>
      <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("arr")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{f.money(customer.arrCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("mrr")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{f.money(monthlyCents(customer.arrCents))}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("revenueToDate")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{f.money(revenue.revenueToDateCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("costToServe")}</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {f.money(revenue.costToServeCents)}
            {paysBack !== null ? (
              <span className="block text-xs font-normal text-slate-600">
                {t("paysBack", { times: f.times(paysBack) })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      {points.length > 1 ? <ArrHistoryChart points={points} /> : null}
      {revenue.subscriptions.length === 0 ? (
        <p className="text-sm text-slate-600">{canWrite ? t("noSubscriptionAddFirst") : t("noSubscription")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("subscriptions")}>
          {revenue.subscriptions.map((s) => (
            <li key={s.id} className="py-3" data-testid="subscription">
              <p className="text-sm">
                {t.rich("subscription", {
                  b: (chunks) => <span className="font-medium">{chunks}</span>,
                  plan: s.plan,
                  amount: f.money(s.amountCents),
                  interval: s.interval,
                  started: f.date(s.startedAt),
                  state:
                    s.status !== "active" ? "ended" : !s.renewsOn ? "none" : s.cancelAtPeriodEnd ? "ends" : "renews",
                  until: s.status !== "active" ? f.date(s.endedAt) : s.renewsOn ? calendar.date(s.renewsOn) : "",
                })}
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
        <ScrollRegion label={t("movements")}>
          <table className="mt-3 w-full text-left text-sm" aria-label={t("movements")}>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {t("when")}
                </th>
                <th scope="col" className="pl-3">
                  {t("movement")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("arrChange")}
                </th>
                <th scope="col" className="pl-3 text-right">
                  {t("arrAfter")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...revenue.movements].reverse().map((m) => (
                <tr key={m.id} className="border-t border-slate-100">
                  <td className="py-1.5 pr-3">{f.date(m.occurredAt)}</td>
                  <td className="pl-3">{t(`movementKinds.${m.kind}`)}</td>
                  <td className="pl-3 text-right tabular-nums">
                    {m.deltaCents > 0 ? "+" : "−"}
                    {f.money(Math.abs(m.deltaCents))}
                  </td>
                  <td className="pl-3 text-right tabular-nums">{f.money(m.arrAfterCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {canWrite ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("addSubscription")}</summary>
          <div className="mt-3">
            <AddSubscriptionForm customerId={customer.id} plan={customer.plan} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
