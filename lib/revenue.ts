/**
 * Recurring revenue (docs/revenue.md). Every change of a customer's annual recurring revenue is a
 * dated movement; its kind follows from the customer's ARR just before and just after it.
 * Amounts are whole cents; ARR is kept exactly (a monthly price × 12), MRR is ARR ÷ 12.
 */

/** Amounts are kept in one currency, the book's (a setting to come with local currencies). */
export const BOOK_CURRENCY = "USD";

export const SUBSCRIPTION_INTERVALS = ["month", "year"] as const;
export type SubscriptionInterval = (typeof SUBSCRIPTION_INTERVALS)[number];
export const SUBSCRIPTION_STATUSES = ["active", "canceled"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export const MOVEMENT_KINDS = ["new", "expansion", "contraction", "churn", "reactivation"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The annual value of a price: a monthly price counts twelve times. */
export function annualCents(amountCents: number, interval: SubscriptionInterval): number {
  return interval === "month" ? amountCents * 12 : amountCents;
}

/** MRR shown for an ARR, rounded to the cent. */
export function monthlyCents(arrCents: number): number {
  return Math.round(arrCents / 12);
}

/**
 * The kind of a change of a customer's ARR from `before` to `after`: from nothing it is new
 * revenue, or a reactivation if the customer paid before; to nothing it is churn.
 */
export function classifyMovement(before: number, after: number, paidBefore: boolean): MovementKind | null {
  if (after === before) return null;
  if (before === 0) return paidBefore ? "reactivation" : "new";
  if (after === 0) return "churn";
  return after > before ? "expansion" : "contraction";
}

export type Movement = { customerId: number; at: number; deltaCents: number };
export type ClassifiedMovement = Movement & { kind: MovementKind; arrAfterCents: number };

/** Classifies each customer's movements in time order (ties by the order given). */
export function classifyMovements(movements: Movement[]): ClassifiedMovement[] {
  const ordered = movements.map((m, index) => ({ m, index })).sort((a, b) => a.m.at - b.m.at || a.index - b.index);
  const arr = new Map<number, number>();
  const paid = new Set<number>();
  const classified: ClassifiedMovement[] = [];
  for (const { m } of ordered) {
    const before = arr.get(m.customerId) ?? 0;
    const after = before + m.deltaCents;
    if (after < 0) throw new RangeError(`Customer ${m.customerId} would owe a negative ARR.`);
    const kind = classifyMovement(before, after, paid.has(m.customerId));
    arr.set(m.customerId, after);
    if (after > 0) paid.add(m.customerId);
    if (kind) classified.push({ ...m, kind, arrAfterCents: after });
  }
  return classified;
}

export type Bridge = { startCents: number; endCents: number } & Record<MovementKind, number>;

/**
 * The ARR bridge over [from, to): start + new + expansion − contraction − churn + reactivation = end.
 * Contraction and churn are reported as positive amounts.
 */
export function arrBridge(movements: ClassifiedMovement[], from: number, to: number): Bridge {
  const bridge: Bridge = {
    startCents: 0,
    endCents: 0,
    new: 0,
    expansion: 0,
    contraction: 0,
    churn: 0,
    reactivation: 0,
  };
  for (const m of movements) {
    if (m.at < from) bridge.startCents += m.deltaCents;
    else if (m.at < to) bridge[m.kind] += m.kind === "contraction" || m.kind === "churn" ? -m.deltaCents : m.deltaCents;
    if (m.at < to) bridge.endCents += m.deltaCents;
  }
  return bridge;
}

export type Retention = { startCents: number; expansionCents: number; contractionCents: number; churnCents: number };

/** Gross revenue retention: (start − contraction − churn) ÷ start, null when nothing was paying at the start. */
export function grossRetention(r: Retention): number | null {
  return r.startCents > 0 ? (r.startCents - r.contractionCents - r.churnCents) / r.startCents : null;
}

/** Net revenue retention: (start + expansion − contraction − churn) ÷ start. */
export function netRetention(r: Retention): number | null {
  return r.startCents > 0 ? (r.startCents + r.expansionCents - r.contractionCents - r.churnCents) / r.startCents : null;
}

/** Whole days from today (a calendar day, "YYYY-MM-DD") until a renewal day; negative when it has passed. */
export function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The first anniversary of a start (monthly or yearly) from today on, as "YYYY-MM-DD" (a 31st renews on a shorter month's last day). */
export function nextRenewalOn(startedAt: Date, interval: SubscriptionInterval, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const step = interval === "year" ? 12 : 1;
  for (let months = step; ; months += step) {
    const at = new Date(Date.UTC(startedAt.getUTCFullYear(), startedAt.getUTCMonth() + months, 1));
    const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
    at.setUTCDate(Math.min(startedAt.getUTCDate(), last));
    const day = at.toISOString().slice(0, 10);
    if (day >= today) return day;
  }
}

export type WaterfallStep = { label: string; cents: number; kind: "total" | "gain" | "loss" };

/** Where each bar of a waterfall floats: a total stands on 0, a gain on the running level, a loss hangs down from it. */
export function waterfall(steps: readonly WaterfallStep[]): (WaterfallStep & { baseCents: number })[] {
  return steps.reduce<{ level: number; bars: (WaterfallStep & { baseCents: number })[] }>(
    ({ level, bars }, step) => {
      const baseCents = step.kind === "total" ? 0 : step.kind === "gain" ? level : level - step.cents;
      const next = step.kind === "total" ? step.cents : step.kind === "gain" ? level + step.cents : level - step.cents;
      return { level: next, bars: [...bars, { ...step, baseCents }] };
    },
    { level: 0, bars: [] },
  ).bars;
}
