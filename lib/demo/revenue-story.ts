import type { DemoCustomer } from "@/lib/demo/story";
import type { Random } from "@/lib/demo/random";
import { annualCents, nextRenewalOn, type SubscriptionInterval } from "@/lib/revenue";

const ASCENSION_MILESTONE = 11;
/** Share of customers who ascended that started on a smaller package and grew into today's. */
const ASCENDED_START_SHARE = 0.7;
/** Share of rescued decliners who kept paying, but less. */
const RESCUED_DOWNGRADE = 0.5;

export type DemoSubscription = {
  interval: SubscriptionInterval;
  startedAt: Date;
  /** The subscription's price after each change, in order; the first is its start. */
  prices: { at: Date; amountCents: number }[];
  endedAt: Date | null;
  renewsOn: string | null;
};

/**
 * A paying customer's subscription, told from their story: customers who reached Ascension
 * started smaller and expanded when they got there; rescued decliners downgraded at the end of
 * the decline; churned customers' subscriptions end the day they churned. Enterprise pays yearly.
 */
export function revenueStory(random: Random, customer: DemoCustomer, now: Date): DemoSubscription | null {
  if (!customer.convertedAt || customer.mrrCents === 0) return null;
  const interval: SubscriptionInterval = customer.plan === "enterprise" ? "year" : "month";
  const price = (mrrCents: number) => (interval === "year" ? mrrCents * 12 : mrrCents);
  const roundedMrr = (cents: number) => Math.max(100, Math.round(cents / 100) * 100);
  const final = customer.mrrCents;
  const startedAt = customer.convertedAt;
  const prices: { at: Date; amountCents: number }[] = [];

  const ascended = customer.milestones.find((m) => m.to >= ASCENSION_MILESTONE && m.at > startedAt);
  const rescued = customer.episodes.find((e) => e.kind === "decline" && e.outcome === "rescued");
  if (ascended) {
    prices.push({ at: startedAt, amountCents: price(roundedMrr(final * ASCENDED_START_SHARE)) });
    prices.push({ at: ascended.at, amountCents: price(final) });
  } else if (rescued && rescued.to > startedAt && random.chance(RESCUED_DOWNGRADE)) {
    prices.push({ at: startedAt, amountCents: price(roundedMrr(final * random.between(1.2, 1.6))) });
    prices.push({ at: rescued.to, amountCents: price(final) });
  } else prices.push({ at: startedAt, amountCents: price(final) });

  const endedAt = customer.churnedAt && customer.churnedAt > startedAt ? customer.churnedAt : null;
  const live = endedAt ? prices.filter((p) => p.at < endedAt) : prices;
  return {
    interval,
    startedAt,
    prices: live.filter((p, i) => i === 0 || p.amountCents !== live[i - 1].amountCents),
    endedAt,
    renewsOn: endedAt ? null : nextRenewalOn(startedAt, interval, now),
  };
}

/** The ARR a demo subscription adds at each change: the movements the ledger books for it. */
export function demoMovements(subscription: DemoSubscription): { at: Date; deltaCents: number }[] {
  let arr = 0;
  const movements = subscription.prices.map((p) => {
    const next = annualCents(p.amountCents, subscription.interval);
    const delta = next - arr;
    arr = next;
    return { at: p.at, deltaCents: delta };
  });
  if (subscription.endedAt) movements.push({ at: subscription.endedAt, deltaCents: -arr });
  return movements.filter((m) => m.deltaCents !== 0);
}
