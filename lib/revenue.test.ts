import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  annualCents,
  arrBridge,
  classifyMovement,
  classifyMovements,
  grossRetention,
  monthlyCents,
  netRetention,
  waterfall,
} from "./revenue";

describe("revenue movements", () => {
  it("names a change by the ARR before and after it", () => {
    expect(classifyMovement(0, 1200, false)).toBe("new");
    expect(classifyMovement(0, 1200, true)).toBe("reactivation");
    expect(classifyMovement(1200, 1800, true)).toBe("expansion");
    expect(classifyMovement(1800, 600, true)).toBe("contraction");
    expect(classifyMovement(600, 0, true)).toBe("churn");
    expect(classifyMovement(600, 600, true)).toBeNull();
  });

  it("a monthly $99.50 is $1,194 a year; a yearly $1,000 is $83.33 a month", () => {
    expect(annualCents(9_950, "month")).toBe(119_400);
    expect(annualCents(100_000, "year")).toBe(100_000);
    expect(monthlyCents(100_000)).toBe(8_333);
  });

  it("classifies in time order, whatever order the movements come in", () => {
    const classified = classifyMovements([
      { customerId: 1, at: 30, deltaCents: -1_000 },
      { customerId: 1, at: 10, deltaCents: 1_000 },
      { customerId: 1, at: 40, deltaCents: 500 },
      { customerId: 1, at: 20, deltaCents: 200 },
    ]);
    expect(classified.map((m) => [m.at, m.kind, m.arrAfterCents])).toEqual([
      [10, "new", 1_000],
      [20, "expansion", 1_200],
      [30, "contraction", 200],
      [40, "expansion", 700],
    ]);
  });

  it("start $10,000, expansion $2,000, contraction $500, churn $1,500: GRR 80 %, NRR 100 %", () => {
    const figures = { startCents: 1_000_000, expansionCents: 200_000, contractionCents: 50_000, churnCents: 150_000 };
    expect(grossRetention(figures)).toBeCloseTo(0.8, 10);
    expect(netRetention(figures)).toBeCloseTo(1, 10);
    expect(grossRetention({ ...figures, startCents: 0 })).toBeNull();
  });

  // Each customer's history: prices over time, where 0 means not paying.
  const histories = fc.array(
    fc.record({
      customerId: fc.integer({ min: 1, max: 6 }),
      prices: fc.array(
        fc.record({ at: fc.integer({ min: 0, max: 1_000 }), arr: fc.constantFrom(0, 1_200, 6_000, 99_900, 250_000) }),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
    }),
    { maxLength: 12 },
  );

  it("property: for any movements and any period, start + new + expansion − contraction − churn + reactivation = end", () => {
    fc.assert(
      fc.property(
        histories,
        fc.integer({ min: -10, max: 1_010 }),
        fc.integer({ min: 0, max: 500 }),
        (subs, from, length) => {
          // Each subscription's prices become deltas, so a customer's ARR never goes below 0.
          const movements = subs.flatMap((s) => {
            let arr = 0;
            return [...s.prices]
              .sort((a, b) => a.at - b.at)
              .map((p) => {
                const delta = p.arr - arr;
                arr = p.arr;
                return { customerId: s.customerId, at: p.at, deltaCents: delta };
              })
              .filter((m) => m.deltaCents !== 0);
          });
          const classified = classifyMovements(movements);
          const b = arrBridge(classified, from, from + length);
          expect(b.startCents + b.new + b.expansion - b.contraction - b.churn + b.reactivation).toBe(b.endCents);
          for (const m of classified) {
            if (m.kind === "new" || m.kind === "reactivation") expect(m.arrAfterCents).toBe(m.deltaCents);
            if (m.kind === "churn") expect(m.arrAfterCents).toBe(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the bridge's waterfall", () => {
  it("start 100, +30 new, −20 churn, end 110: the churn bar hangs from 130 down to 110", () => {
    const bars = waterfall([
      { label: "Start", cents: 100, kind: "total" },
      { label: "New", cents: 30, kind: "gain" },
      { label: "Churn", cents: 20, kind: "loss" },
      { label: "End", cents: 110, kind: "total" },
    ]);
    expect(bars.map((b) => [b.label, b.baseCents, b.baseCents + b.cents])).toEqual([
      ["Start", 0, 100],
      ["New", 100, 130],
      ["Churn", 110, 130],
      ["End", 0, 110],
    ]);
  });
});
