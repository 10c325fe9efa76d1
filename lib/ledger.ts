import { DAY_MS } from "@/lib/dates";

/**
 * The experience ledger (docs/ledger.md):
 *   balance(t) = Σ wᵢ · 2^(−(t − tᵢ) / h),  h = credit half-life if wᵢ > 0, debt half-life if wᵢ < 0.
 * Kept on write as two accumulators relative to a fixed epoch E:
 *   A = Σ wᵢ · 2^((tᵢ − E) / h),  so  balance(t) = A_credit · 2^(−(t − E) / h_c) + A_debt · 2^(−(t − E) / h_d).
 */
export const LEDGER_EPOCH_MS = Date.UTC(2025, 0, 1);

export type HalfLives = { creditHalfLifeDays: number; debtHalfLifeDays: number };
export type LedgerAccumulators = { creditAcc: number; debtAcc: number };

/** 2^(−days / half-life): how much of a weight is left `days` after it was booked. */
export function decay(days: number, halfLifeDays: number): number {
  return 2 ** (-days / halfLifeDays);
}

function daysSinceEpoch(at: Date): number {
  return (at.getTime() - LEDGER_EPOCH_MS) / DAY_MS;
}

/** What one interaction adds to the accumulators (negate it to remove the interaction). */
export function contribution(weight: number, at: Date, halfLives: HalfLives): LedgerAccumulators {
  if (weight > 0) return { creditAcc: weight / decay(daysSinceEpoch(at), halfLives.creditHalfLifeDays), debtAcc: 0 };
  if (weight < 0) return { creditAcc: 0, debtAcc: weight / decay(daysSinceEpoch(at), halfLives.debtHalfLifeDays) };
  return { creditAcc: 0, debtAcc: 0 };
}

export function balanceAt(acc: LedgerAccumulators, at: Date, halfLives: HalfLives): number {
  const decay = decayAt(at, halfLives);
  return acc.creditAcc * decay.credit + acc.debtAcc * decay.debt;
}

/** What turns accumulators into a balance at `at`: one factor for credit, one for debt. */
export function decayAt(at: Date, halfLives: HalfLives): { credit: number; debt: number } {
  const days = daysSinceEpoch(at);
  return { credit: decay(days, halfLives.creditHalfLifeDays), debt: decay(days, halfLives.debtHalfLifeDays) };
}

/** The definition itself, over raw interactions: what the accumulators must always agree with. */
export function balanceFromInteractions(
  entries: readonly { weight: number; at: Date }[],
  at: Date,
  halfLives: HalfLives,
): number {
  return entries.reduce((sum, entry) => {
    if (entry.weight === 0) return sum;
    const halfLife = entry.weight > 0 ? halfLives.creditHalfLifeDays : halfLives.debtHalfLifeDays;
    const ageDays = (at.getTime() - entry.at.getTime()) / DAY_MS;
    return sum + entry.weight * decay(ageDays, halfLife);
  }, 0);
}

export function addContribution(
  acc: LedgerAccumulators,
  weight: number,
  at: Date,
  halfLives: HalfLives,
): LedgerAccumulators {
  const delta = contribution(weight, at, halfLives);
  return { creditAcc: acc.creditAcc + delta.creditAcc, debtAcc: acc.debtAcc + delta.debtAcc };
}

/** Takes a deleted (or re-weighted) interaction back out of the accumulators. */
export function removeContribution(
  acc: LedgerAccumulators,
  weight: number,
  at: Date,
  halfLives: HalfLives,
): LedgerAccumulators {
  const delta = contribution(weight, at, halfLives);
  return { creditAcc: acc.creditAcc - delta.creditAcc, debtAcc: acc.debtAcc - delta.debtAcc };
}
