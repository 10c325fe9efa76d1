import { eq } from "drizzle-orm";
import { type Queryable } from "@/db";
import { type Subscription, subscriptions } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import { BOOK_CURRENCY, INTERVAL_LABELS, nextRenewalOn } from "@/lib/revenue";
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
    throw new ValidationError("A change of revenue cannot be in the future.", {
      [field]: ["Choose today or an earlier day."],
    });
  return day === today ? now : new Date(`${day}T00:00:00Z`);
}

async function findSubscription(tx: Queryable, subscriptionId: number): Promise<Subscription> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId));
  if (!row) throw new NotFoundError("The subscription");
  return row;
}

const priceText = (amountCents: number, interval: Subscription["interval"]) =>
  `${formatCents(amountCents)} ${INTERVAL_LABELS[interval].toLowerCase()}`;

export const addSubscription = defineAction({
  permission: "customers.write",
  schema: addSubscriptionSchema,
  async run(input, { member, tx }) {
    if (input.amount === 0)
      throw new ValidationError("Enter the price.", { amount: ["A subscription has a price above $0."] });
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
      message: `${input.plan} added at ${priceText(input.amount, input.interval)}.`,
      data: { id: booked.subscription.id },
    };
  },
});

export const changeSubscription = defineAction({
  permission: "customers.write",
  schema: changeSubscriptionSchema,
  async run(input, { member, tx }) {
    const current = await findSubscription(tx, input.subscriptionId);
    if (current.status !== "active")
      throw new ValidationError("This subscription has ended: start it again to change it.");
    if (input.amount === 0)
      throw new ValidationError("Enter the price.", { amount: ["To stop a subscription, end it instead."] });
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
    const moved =
      arrDeltaCents === 0
        ? "ARR unchanged"
        : `ARR ${arrDeltaCents > 0 ? "+" : "−"}${formatCents(Math.abs(arrDeltaCents))}`;
    return { message: `${input.plan} saved (${moved}).` };
  },
});

export const endSubscription = defineAction({
  permission: "customers.write",
  schema: endSubscriptionSchema,
  async run(input, { member, tx }) {
    const current = await findSubscription(tx, input.subscriptionId);
    if (current.status !== "active") throw new ValidationError(`${current.plan} has already ended.`);
    await bookSubscriptionChanges(tx, member, [
      {
        ...current,
        status: "canceled",
        cancelAtPeriodEnd: false,
        subscriptionId: current.id,
        effectiveAt: instantOf(input.endedOn, "endedOn"),
      },
    ]);
    return { message: `${current.plan} ended.` };
  },
});

export const reactivateSubscription = defineAction({
  permission: "customers.write",
  schema: reactivateSubscriptionSchema,
  async run(input, { member, tx }) {
    const current = await findSubscription(tx, input.subscriptionId);
    if (current.status === "active") throw new ValidationError(`${current.plan} is already active.`);
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
    return { message: `${current.plan} is active again.` };
  },
});
