import { inArray, sql } from "drizzle-orm";
import { type Queryable } from "@/db";
import { revenueMovements, type Subscription, subscriptions } from "@/db/schema";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import {
  annualCents,
  BOOK_CURRENCY,
  nextRenewalOn,
  type SubscriptionInterval,
  type SubscriptionStatus,
} from "@/lib/revenue";
import { type Actor, recordAudit } from "@/server/audit/record";
import { lockCustomers } from "@/server/customers/lock";
import { arrayLiteral } from "@/db/array-literal";

/** The state a subscription is set to; `effectiveAt` is when the change of revenue happens. */
export type SubscriptionChange = {
  customerId: number;
  /** The subscription to change; without it (and without a known `externalId`) a new one. */
  subscriptionId?: number;
  externalId?: string | null;
  payloadHash?: string | null;
  plan: string;
  amountCents: number;
  currency: string;
  interval: SubscriptionInterval;
  renewsOn: string | null;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  effectiveAt: Date;
};

type BookedSubscription = { subscription: Subscription; arrDeltaCents: number };

/** What a subscription adds to its customer's ARR while in a state. */
const arrOf = (s: { status: SubscriptionStatus; amountCents: number; interval: SubscriptionInterval }) =>
  s.status === "active" ? annualCents(s.amountCents, s.interval) : 0;

// A clock a little ahead of a caller's is not "the future".
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The one way revenue is booked: sets each subscription to its new state and books the change of
 * ARR as a movement at `effectiveAt`, then re-derives the affected customers' movement kinds and
 * their ARR, MRR and next renewal. Changes to one subscription apply in the order given.
 */
export async function bookSubscriptionChanges(
  tx: Queryable,
  actor: Actor,
  changes: readonly SubscriptionChange[],
  now = new Date(),
): Promise<BookedSubscription[]> {
  if (changes.length === 0) return [];
  const customerIds = [...new Set(changes.map((c) => c.customerId))];
  await lockCustomers(tx, customerIds);
  const ids = changes.flatMap((c) => (c.subscriptionId ? [c.subscriptionId] : []));
  const keys = changes.flatMap((c) => (c.externalId ? [c.externalId] : []));
  const existing = [
    ...(ids.length > 0 ? await tx.select().from(subscriptions).where(inArray(subscriptions.id, ids)) : []),
    ...(keys.length > 0 ? await tx.select().from(subscriptions).where(inArray(subscriptions.externalId, keys)) : []),
  ];
  const byId = new Map(existing.map((s) => [s.id, s]));
  const byKey = new Map(existing.flatMap((s) => (s.externalId ? [[s.externalId, s] as const] : [])));

  const booked: BookedSubscription[] = [];
  for (const change of changes) {
    if (change.effectiveAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw new ValidationError(message("revenue.notInFuture"), { effectiveAt: [message("revenue.bookOnTheDay")] });
    const current =
      (change.subscriptionId ? byId.get(change.subscriptionId) : undefined) ??
      (change.externalId ? byKey.get(change.externalId) : undefined);
    if (change.subscriptionId && !current) throw new ValidationError(message("revenue.subscriptionGone"));
    if (current && current.customerId !== change.customerId)
      throw new ValidationError(message("revenue.otherCustomer"), { customerId: [message("revenue.cannotMove")] });
    if (current && change.effectiveAt < current.changedAt)
      throw new ValidationError(message("revenue.beforeLastChange"), {
        effectiveAt: [message("revenue.lastChangedOn", { date: { date: current.changedAt } })],
      });
    const delta = arrOf(change) - (current ? arrOf(current) : 0);
    const values = {
      plan: change.plan,
      amountCents: change.amountCents,
      currency: change.currency,
      interval: change.interval,
      renewsOn: change.renewsOn,
      status: change.status,
      cancelAtPeriodEnd: change.status === "active" && change.cancelAtPeriodEnd,
      endedAt: change.status === "canceled" ? (current?.endedAt ?? change.effectiveAt) : null,
      payloadHash: change.payloadHash ?? current?.payloadHash ?? null,
    };
    const revenueChanged =
      !current || delta !== 0 || current.status !== change.status || current.interval !== change.interval;
    const [row] = current
      ? await tx
          .update(subscriptions)
          .set({
            ...values,
            ...(revenueChanged ? { changedAt: change.effectiveAt } : {}),
            updatedAt: sql`now()`,
          })
          .where(sql`${subscriptions.id} = ${current.id}`)
          .returning()
      : await tx
          .insert(subscriptions)
          .values({
            ...values,
            customerId: change.customerId,
            externalId: change.externalId ?? null,
            startedAt: change.effectiveAt,
            changedAt: change.effectiveAt,
          })
          .returning();
    if (delta !== 0)
      await tx.insert(revenueMovements).values({
        customerId: change.customerId,
        subscriptionId: row.id,
        // Placeholders: classifyCustomers derives both from the customer's whole history below.
        kind: "new",
        occurredAt: change.effectiveAt,
        arrDeltaCents: delta,
        arrAfterCents: 0,
      });
    await recordAudit(tx, actor, {
      action: current ? "subscription.update" : "subscription.create",
      entityType: "subscription",
      entityId: row.id,
      before: current ? auditView(current) : undefined,
      after: auditView(row),
    });
    byId.set(row.id, row);
    if (row.externalId) byKey.set(row.externalId, row);
    booked.push({ subscription: row, arrDeltaCents: delta });
  }
  await classifyCustomers(tx, customerIds);
  await refreshCustomerRevenue(tx, customerIds);
  return booked;
}

function auditView(s: Subscription) {
  return {
    plan: s.plan,
    amountCents: s.amountCents,
    currency: s.currency,
    interval: s.interval,
    status: s.status,
    renewsOn: s.renewsOn,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
  };
}

/**
 * Re-derives each movement's kind and the ARR after it from the customer's movements in time
 * order: from nothing is new (or a reactivation if they paid before), to nothing is churn.
 */
export async function classifyCustomers(tx: Queryable, customerIds: readonly number[]): Promise<void> {
  await tx.execute(sql`
    with running as (
      select id, arr_delta_cents,
        sum(arr_delta_cents) over (partition by customer_id order by occurred_at, id) as after,
        customer_id, occurred_at
      from revenue_movements where customer_id = any(${arrayLiteral(customerIds)}::int[])
    ), flagged as (
      select id, after, after - arr_delta_cents as before,
        coalesce(bool_or(after > 0) over (partition by customer_id order by occurred_at, id
          rows between unbounded preceding and 1 preceding), false) as paid_before
      from running
    ), derived as (
      select id, after,
        (case when before = 0 then case when paid_before then 'reactivation' else 'new' end
              when after = 0 then 'churn'
              when after > before then 'expansion'
              else 'contraction' end)::revenue_movement_kind as kind
      from flagged
    )
    update revenue_movements m set kind = d.kind, arr_after_cents = d.after
    from derived d
    where m.id = d.id and (m.kind, m.arr_after_cents) is distinct from (d.kind, d.after)`);
}

/** Sets the customers' ARR, MRR and next renewal from their active subscriptions. */
export async function refreshCustomerRevenue(tx: Queryable, customerIds: readonly number[]): Promise<void> {
  await tx.execute(sql`
    update customers c set
      arr_cents = x.arr, mrr_cents = round(x.arr / 12.0)::int, next_renewal_on = x.renews, updated_at = now()
    from (
      select c2.id,
        coalesce(sum(case when s.interval = 'month' then s.amount_cents * 12 else s.amount_cents end)
          filter (where s.status = 'active'), 0)::bigint as arr,
        min(s.renews_on) filter (where s.status = 'active' and not s.cancel_at_period_end) as renews
      from customers c2 left join subscriptions s on s.customer_id = c2.id
      where c2.id = any(${arrayLiteral(customerIds)}::int[])
      group by c2.id
    ) x
    where c.id = x.id and (c.arr_cents, c.mrr_cents, c.next_renewal_on) is distinct from (x.arr, round(x.arr / 12.0)::int, x.renews)`);
}

/**
 * A customer's MRR as one figure (the customer form, the API's and the CSV's `mrr`): shorthand for
 * their one subscription. It starts one, changes its amount (a yearly one to twelve times the
 * figure), or ends it at 0. A customer with several subscriptions changes them one by one.
 */
export async function setCustomerMrr(
  tx: Queryable,
  actor: Actor,
  customer: { id: number; plan: string },
  mrrCents: number,
  effectiveAt: Date,
): Promise<void> {
  const active = await tx
    .select()
    .from(subscriptions)
    .where(sql`${subscriptions.customerId} = ${customer.id} and ${subscriptions.status} = 'active'`);
  const currentArr = active.reduce((sum, s) => sum + arrOf(s), 0);
  if (currentArr === mrrCents * 12) return;
  if (active.length > 1)
    throw new ValidationError(message("revenue.severalSubscriptions"), {
      mrr: [message("revenue.mrrIsSum", { count: active.length })],
    });
  const [subscription] = active;
  if (!subscription && mrrCents === 0) return;
  const renewsOn = subscription?.renewsOn ?? nextRenewalOn(effectiveAt, "month", new Date());
  await bookSubscriptionChanges(tx, actor, [
    {
      customerId: customer.id,
      subscriptionId: subscription?.id,
      plan: subscription?.plan ?? customer.plan,
      amountCents: subscription?.interval === "year" ? mrrCents * 12 : mrrCents,
      currency: subscription?.currency ?? BOOK_CURRENCY,
      interval: subscription?.interval ?? "month",
      renewsOn,
      status: mrrCents === 0 ? "canceled" : "active",
      cancelAtPeriodEnd: false,
      effectiveAt: subscription && effectiveAt < subscription.changedAt ? subscription.changedAt : effectiveAt,
    },
  ]);
}

/** Ends every active subscription of a churned customer on the day they churned. */
export async function endSubscriptions(tx: Queryable, actor: Actor, customerId: number, at: Date): Promise<void> {
  const active = await tx
    .select()
    .from(subscriptions)
    .where(sql`${subscriptions.customerId} = ${customerId} and ${subscriptions.status} = 'active'`);
  await bookSubscriptionChanges(
    tx,
    actor,
    active.map((s) => ({
      customerId,
      subscriptionId: s.id,
      plan: s.plan,
      amountCents: s.amountCents,
      currency: s.currency,
      interval: s.interval,
      renewsOn: s.renewsOn,
      status: "canceled" as const,
      cancelAtPeriodEnd: false,
      effectiveAt: at < s.changedAt ? s.changedAt : at,
    })),
  );
}
