import { eq } from "drizzle-orm";
import { type Queryable } from "@/db";
import { type Subscription, subscriptions } from "@/db/schema";
import { message } from "@/lib/error-messages";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { BOOK_CURRENCY, nextRenewalOn } from "@/lib/revenue";
import {
  addSubscriptionSchema,
  changeSubscriptionSchema,
  endSubscriptionSchema,
  reactivateSubscriptionSchema,
} from "@/lib/validation/subscriptions";
import { defineAction } from "@/server/actions/execute";
import { bookSubscriptionChanges } from "./engine";

/** A day typed in a form as an instant: today means now (so later changes today order after it), a past day its start. */
function instantOf(day: string, field: string, now = new Date()): Date {
  const today = now.toISOString().slice(0, 10);
  if (day > today)
    throw new ValidationError(message("revenue.notInFuture"), { [field]: [message("revenue.todayOrEarlier")] });
  return day === today ? now : new Date(`${day}T00:00:00Z`);
}

async function findSubscription(tx: Queryable, subscriptionId: number): Promise<Subscription> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId));
  if (!row) throw new NotFoundError(message("notFound.what.subscription"));
  return row;
}

export const addSubscription = defineAction({
  permission: "customers.write",
  schema: addSubscriptionSchema,
  async run(input, { member, tx }) {
    if (input.amount === 0)
      throw new ValidationError(message("revenue.priceMissing"), { amount: [message("revenue.priceAboveZero")] });
    const startedAt = instantOf(input.startedOn, "startedOn");
    const [booked] = await bookSubscriptionChanges(tx, member, [
      {
        customerId: input.customerId,
        plan: input.plan,
        amountCents: input.amount,
        currency: BOOK_CURRENCY,
        interval: input.interval,
        renewsOn: input.renewsOn ?? nextRenewalOn(startedAt, input.interval, new Date()),
        status: "active",
        cancelAtPeriodEnd: false,
        effectiveAt: startedAt,
      },
    ]);
    return {
      message: message("done.revenue.added", {
        plan: input.plan,
        price: { money: input.amount, currency: BOOK_CURRENCY },
        interval: input.interval,
      }),
      data: { id: booked.subscription.id },
    };
  },
});

export const changeSubscription = defineAction({
  permission: "customers.write",
  schema: changeSubscriptionSchema,
  async run(input, { member, tx }) {
    const current = await findSubscription(tx, input.subscriptionId);
    if (current.status !== "active") throw new ValidationError(message("revenue.ended"));
    if (input.amount === 0)
      throw new ValidationError(message("revenue.priceMissing"), { amount: [message("revenue.endInstead")] });
    const [booked] = await bookSubscriptionChanges(tx, member, [
      {
        customerId: current.customerId,
        subscriptionId: current.id,
        plan: input.plan,
        amountCents: input.amount,
        currency: current.currency,
        interval: input.interval,
        renewsOn: input.renewsOn,
        status: "active",
        cancelAtPeriodEnd: input.cancelAtPeriodEnd,
        effectiveAt: instantOf(input.effectiveOn, "effectiveOn"),
      },
    ]);
    const { arrDeltaCents } = booked;
    const change = arrDeltaCents === 0 ? "none" : arrDeltaCents > 0 ? "up" : "down";
    const amount = { money: Math.abs(arrDeltaCents), currency: current.currency };
    return { message: message("done.revenue.saved", { plan: input.plan, change, amount }) };
  },
});

export const endSubscription = defineAction({
  permission: "customers.write",
  schema: endSubscriptionSchema,
  async run(input, { member, tx }) {
    const current = await findSubscription(tx, input.subscriptionId);
    if (current.status !== "active") throw new ValidationError(message("revenue.alreadyEnded", { plan: current.plan }));
    await bookSubscriptionChanges(tx, member, [
      {
        ...current,
        status: "canceled",
        cancelAtPeriodEnd: false,
        subscriptionId: current.id,
        effectiveAt: instantOf(input.endedOn, "endedOn"),
      },
    ]);
    return { message: message("done.revenue.ended", { plan: current.plan }) };
  },
});

export const reactivateSubscription = defineAction({
  permission: "customers.write",
  schema: reactivateSubscriptionSchema,
  async run(input, { member, tx }) {
    const current = await findSubscription(tx, input.subscriptionId);
    if (current.status === "active")
      throw new ValidationError(message("revenue.alreadyActive", { plan: current.plan }));
    const startedAt = instantOf(input.startedOn, "startedOn");
    await bookSubscriptionChanges(tx, member, [
      {
        ...current,
        subscriptionId: current.id,
        status: "active",
        cancelAtPeriodEnd: false,
        renewsOn: input.renewsOn ?? nextRenewalOn(startedAt, current.interval, new Date()),
        effectiveAt: startedAt,
      },
    ]);
    return { message: message("done.revenue.reactivated", { plan: current.plan }) };
  },
});
