import { describe, expect, it } from "vitest";
import { addContribution, balanceAt, balanceFromInteractions, type HalfLives, removeContribution } from "./ledger";
import { DAY_MS as day } from "@/lib/dates";

const halfLives: HalfLives = { creditHalfLifeDays: 30, debtHalfLifeDays: 90 };
const now = new Date("2026-11-23T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * day);

function maintained(entries: { weight: number; at: Date }[]) {
  return entries.reduce((acc, e) => addContribution(acc, e.weight, e.at, halfLives), { creditAcc: 0, debtAcc: 0 });
}

describe("experience ledger", () => {
  it("credit decays with a 30-day half-life: +4 logged 30 days ago is worth 4·½ = 2", () => {
    const entries = [{ weight: 4, at: daysAgo(30) }];
    expect(balanceFromInteractions(entries, now, halfLives)).toBeCloseTo(2, 10);
    expect(balanceAt(maintained(entries), now, halfLives)).toBeCloseTo(2, 10);
  });

  it("debt lingers with a 90-day half-life: −3 logged 180 days ago is worth −3·¼ = −0.75", () => {
    const entries = [{ weight: -3, at: daysAgo(180) }];
    expect(balanceAt(maintained(entries), now, halfLives)).toBeCloseTo(-0.75, 10);
  });

  it("mixed: +3·½ (30 d) + (−2)·1 (today) + (−4)·½ (90 d) = −2.5", () => {
    const entries = [
      { weight: 3, at: daysAgo(30) },
      { weight: -2, at: now },
      { weight: -4, at: daysAgo(90) },
    ];
    expect(balanceFromInteractions(entries, now, halfLives)).toBeCloseTo(-2.5, 10);
    expect(balanceAt(maintained(entries), now, halfLives)).toBeCloseTo(-2.5, 10);
  });

  it("back-dated +2 (60 d ago) after +1 today, then the +1 deleted: 2·¼ = 0.5", () => {
    let acc = maintained([{ weight: 1, at: now }]);
    acc = addContribution(acc, 2, daysAgo(60), halfLives);
    acc = removeContribution(acc, 1, now, halfLives);
    expect(balanceAt(acc, now, halfLives)).toBeCloseTo(0.5, 10);
  });

  it("neutral interactions change nothing", () => {
    expect(maintained([{ weight: 0, at: daysAgo(3) }])).toEqual({ creditAcc: 0, debtAcc: 0 });
  });
});
