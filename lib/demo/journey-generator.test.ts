import { describe, expect, it } from "vitest";
import { generateCustomer } from "./journey-generator";
import { createRandom } from "./random";

const now = new Date("2026-11-23T00:00:00Z");
const book = (seed: number) => {
  const random = createRandom(seed);
  return Array.from({ length: 200 }, (_, i) => generateCustomer(random, i + 1, now));
};

describe("demo journey generator", () => {
  it("the same seed gives the same book; another seed another one", () => {
    expect(book(7)).toEqual(book(7));
    expect(book(8)).not.toEqual(book(7));
  });

  it("journeys only move forward in time and never past the reference date", () => {
    for (const customer of book(11)) {
      const milestones = customer.events.filter((e) => e.milestone !== undefined);
      expect(milestones.map((e) => e.milestone)).toEqual(milestones.map((_, i) => i + 1));
      expect(customer.events.every((e) => e.at <= now)).toBe(true);
      expect(customer.milestone).toBe(milestones.at(-1)?.milestone);
      if (customer.churnedAt) expect(customer.events.every((e) => e.at <= (customer.churnedAt as Date))).toBe(true);
    }
  });

  it("a book of 200 spreads over all stages: leads, customers, churned, advocates", () => {
    const customers = book(42);
    const reached = (m: number) => customers.filter((c) => c.milestone >= m).length;
    expect(reached(7)).toBeGreaterThan(40);
    expect(reached(12)).toBeGreaterThan(5);
    expect(customers.filter((c) => c.milestone < 7).length).toBeGreaterThan(60);
    expect(customers.some((c) => c.churnedAt)).toBe(true);
  });
});
