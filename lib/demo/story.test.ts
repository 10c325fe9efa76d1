import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/demo/random";
import { INTERACTION_CATALOG } from "@/lib/interaction-catalog";
import { DEFAULT_MODELS } from "@/lib/journey/models";
import { addUsage, type DemoCustomer, demoRandom, demoSeed, generateDemoCustomer } from "./story";

const DAY = 86_400_000;
const now = new Date("2026-11-30T00:00:00Z");
const catalog = new Map(INTERACTION_CATALOG.map((t) => [t.key, t]));

function book(seed: number, size: number): DemoCustomer[] {
  return Array.from({ length: size }, (_, i) => generateDemoCustomer(demoRandom(seed, i + 1), i + 1, now));
}

const big = book(42, 2_000);

describe("demo story: determinism", () => {
  it("the same seed gives the same book; another seed another one", () => {
    expect(book(7, 300)).toEqual(book(7, 300));
    expect(book(8, 300)).not.toEqual(book(7, 300));
  });

  it("the same (seed, index, now) gives the same customer, whatever was generated before it", () => {
    expect(generateDemoCustomer(demoRandom(42, 1_234), 1_234, now)).toEqual(big[1_233]);
    expect(generateDemoCustomer(demoRandom(42, 1_234), 1_234, new Date("2026-12-31T00:00:00Z"))).not.toEqual(
      big[1_233],
    );
  });

  it("a customer's stream draws exactly what createRandom draws for the same seed", () => {
    const mine = demoRandom(42, 7);
    const theirs = createRandom(demoSeed(42, 7));
    const draws = (r: typeof theirs) => [r.next(), r.chance(0.5), r.between(2, 9), r.int(1, 6), r.pick(["a", "b"])];
    for (let i = 0; i < 200; i++) expect(draws(mine)).toEqual(draws(theirs));
    expect(demoSeed(42, 7)).not.toBe(demoSeed(42, 8));
    expect(demoSeed(42, 7)).not.toBe(demoSeed(43, 7));
  });

  it("a shared stream works too: the same seed and order give the same book", () => {
    const shared = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 100 }, (_, i) => generateDemoCustomer(random, i + 1, now));
    };
    expect(shared(3)).toEqual(shared(3));
    expect(shared(4)).not.toEqual(shared(3));
  });
});

describe("demo story: time", () => {
  it("events are in time order, never after now or after churn, and recorded no earlier than they happened", () => {
    const problems: string[] = [];
    for (const c of big) {
      const end = (c.churnedAt ?? now).getTime();
      c.events.forEach((e, i) => {
        const t = e.occurredAt.getTime();
        if (t > end) problems.push(`${c.email}: ${e.type} after ${c.churnedAt ? "churn" : "now"}`);
        if (e.recordedAt.getTime() < t) problems.push(`${c.email}: ${e.type} recorded before it happened`);
        if (e.recordedAt.getTime() > now.getTime()) problems.push(`${c.email}: ${e.type} recorded after now`);
        if (i > 0 && t < c.events[i - 1].occurredAt.getTime()) problems.push(`${c.email}: ${e.type} out of order`);
        if (!catalog.has(e.type)) problems.push(`${c.email}: unknown type ${e.type}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("most rows arrive at once, some product-feed rows arrive days late", () => {
    const rows = big.flatMap((c) => c.events);
    const late = rows.filter((e) => e.recordedAt.getTime() - e.occurredAt.getTime() >= DAY);
    expect(late.length / rows.length).toBeGreaterThan(0.01);
    expect(late.length / rows.length).toBeLessThan(0.1);
    const days = (e: { occurredAt: Date; recordedAt: Date }) => (e.recordedAt.getTime() - e.occurredAt.getTime()) / DAY;
    expect(late.some((e) => e.type === "login" && days(e) > 3)).toBe(true);
  });
});

describe("demo story: milestones", () => {
  it("the history is a chain: starts from nothing, each change leaves where the last arrived, in time order", () => {
    for (const c of big) {
      expect(c.milestones[0].from).toBeNull();
      expect(c.milestones[0].at).toEqual(c.signedUpAt);
      for (let i = 1; i < c.milestones.length; i++) {
        expect(c.milestones[i].from).toBe(c.milestones[i - 1].to);
        expect(c.milestones[i].to).not.toBe(c.milestones[i].from);
        expect(c.milestones[i].at.getTime()).toBeGreaterThanOrEqual(c.milestones[i - 1].at.getTime());
      }
      const last = c.milestones[c.milestones.length - 1];
      expect(c.milestone).toBe(last.to);
      expect(c.milestoneAt).toEqual(last.at);
      expect(c.peakMilestone).toBe(Math.max(...c.milestones.map((m) => m.to)));
      const converted = c.milestones.find((m) => m.to >= 7);
      expect(c.convertedAt).toEqual(converted ? converted.at : null);
    }
  });

  it("every forward change carries its evidence: an event of a type that proves that milestone, at that moment", () => {
    let forward = 0;
    const problems: string[] = [];
    for (const c of big) {
      for (const m of c.milestones) {
        if (m.from !== null && m.to < m.from) continue;
        forward++;
        const evidence = m.evidenceEvent === undefined ? undefined : c.events[m.evidenceEvent];
        const proves = evidence !== undefined && catalog.get(evidence.type)?.milestone === m.to;
        if (!proves || evidence.occurredAt.getTime() !== m.at.getTime()) problems.push(`${c.email}: → ${m.to}`);
      }
    }
    expect(problems).toEqual([]);
    expect(forward).toBeGreaterThan(10_000);
  });

  it("no event implies a milestone above the one the customer held then, except as the evidence of reaching it", () => {
    const problems: string[] = [];
    for (const c of big) {
      const evidence = new Set(c.milestones.map((m) => m.evidenceEvent));
      c.events.forEach((e, i) => {
        const implied = catalog.get(e.type)?.milestone;
        if (implied === null || implied === undefined || evidence.has(i)) return;
        const held = c.milestones.filter((m) => m.at.getTime() <= e.occurredAt.getTime()).at(-1)?.to ?? 0;
        if (implied > held) problems.push(`${c.email}: ${e.type} at ${e.occurredAt.toISOString()} while at ${held}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("customers regress in a book of 2,000: champions leave, trials lapse, plans are downgraded", () => {
    const back = big.flatMap((c) => c.milestones.filter((m) => m.from !== null && m.to < m.from));
    const reasons = new Set(back.map((m) => m.reason));
    expect(back.length).toBeGreaterThan(50);
    expect(reasons).toEqual(
      new Set(["Champion left: the new contact needs onboarding", "Trial ended without a purchase", "Downgraded"]),
    );
    expect(back.filter((m) => m.reason.startsWith("Champion")).every((m) => m.byHand && m.to === 8)).toBe(true);
  });

  it("stuck (current visit over twice the stage's target) is a minority in every stage of the default models", () => {
    for (const model of DEFAULT_MODELS) {
      for (const stage of model.stages) {
        const inStage = (m: number) => m >= stage.fromMilestone && m <= stage.toMilestone;
        const visits = big
          .filter((c) => !c.churnedAt && inStage(c.milestone))
          .map((c) => {
            let start = c.milestoneAt.getTime();
            for (let i = c.milestones.length - 1; i >= 0 && inStage(c.milestones[i].to); i--) {
              start = c.milestones[i].at.getTime();
            }
            return (now.getTime() - start) / DAY;
          });
        const stuck = visits.filter((days) => days > 2 * stage.targetDays).length;
        // A stage with a handful of customers says little; every stage of the default models has more here.
        expect(visits.length, `${model.name} / ${stage.name}`).toBeGreaterThanOrEqual(5);
        expect(stuck, `${model.name} / ${stage.name}: ${stuck} of ${visits.length}`).toBeLessThan(visits.length / 2);
      }
    }
  });

  it("leads that go cold are closed as churned, so active leads do not dominate the book", () => {
    const cold = big.filter((c) => c.churnReason === "Went cold before buying");
    expect(cold.length).toBeGreaterThan(500);
    expect(cold.every((c) => c.convertedAt === null && c.milestone < 7)).toBe(true);
    const active = big.filter((c) => !c.churnedAt);
    expect(active.filter((c) => !c.convertedAt).length).toBeLessThan(active.length / 2);
  });
});

describe("demo story: churn, delight and outreach", () => {
  it("a delight moment answers an earlier debit of the same customer", () => {
    let answered = 0;
    const problems: string[] = [];
    for (const c of big) {
      c.events.forEach((e, i) => {
        if (e.answersEvent === undefined) return;
        answered++;
        const debit = c.events[e.answersEvent];
        const isDebit = debit !== undefined && (catalog.get(debit.type)?.weight ?? 0) < 0;
        if (e.type !== "delight_moment" || e.answersEvent >= i || !isDebit) problems.push(`${c.email}: event ${i}`);
      });
      if (c.events.some((e) => e.type === "delight_moment" && e.answersEvent === undefined)) {
        problems.push(`${c.email}: a delight moment that answers nothing`);
      }
    }
    expect(problems).toEqual([]);
    expect(answered).toBeGreaterThan(1_000);
  });

  it("recent debits are answered less often, so the delight queue is not empty", () => {
    const rate = (recent: boolean) => {
      let debits = 0;
      let answered = 0;
      for (const c of big) {
        const answers = new Set(c.events.map((e) => e.answersEvent));
        c.events.forEach((e, i) => {
          if (e.type !== "complaint" && e.type !== "bug_report") return;
          if (now.getTime() - e.occurredAt.getTime() < 14 * DAY !== recent) return;
          debits++;
          if (answers.has(i)) answered++;
        });
      }
      return answered / debits;
    };
    expect(rate(true)).toBeLessThan(rate(false) * 0.7);
  });

  it("cancellation requests come only from churners, for some of them, in their last days", () => {
    const churners = big.filter((c) => c.churnedAt && c.convertedAt);
    const asked = churners.filter((c) => c.events.some((e) => e.type === "cancellation_request"));
    const stayed = big.filter((c) => !c.churnedAt);
    expect(stayed.filter((c) => c.events.some((e) => e.type === "cancellation_request"))).toEqual([]);
    expect(asked.length / churners.length).toBeGreaterThan(0.25);
    expect(asked.length / churners.length).toBeLessThan(0.55);
    for (const c of asked) {
      const request = c.events.find((e) => e.type === "cancellation_request")?.occurredAt.getTime() ?? 0;
      expect((c.churnedAt as Date).getTime() - request).toBeLessThanOrEqual(7 * DAY);
    }
  });

  it("about a fifth of churners leave without warning; warned churners go silent before they leave", () => {
    const churners = big.filter((c) => c.churnedAt && c.convertedAt);
    const sudden = churners.filter((c) => c.churnKind === "sudden").length / churners.length;
    expect(sudden).toBeGreaterThan(0.1);
    expect(sudden).toBeLessThan(0.35);
    const warned = churners.filter((c) => c.churnKind === "warned");
    const silentAtTheEnd = warned.filter((c) => {
      const inbound = c.events.filter((e) => e.direction === "inbound" && e.type !== "cancellation_request");
      const lastInbound = inbound.at(-1);
      return lastInbound && (c.churnedAt as Date).getTime() - lastInbound.occurredAt.getTime() > 14 * DAY;
    });
    expect(silentAtTheEnd.length / warned.length).toBeGreaterThan(0.5);
  });

  it("some silent customers are chased with unanswered emails and marked as ignoring outreach", () => {
    const chased = big.filter((c) => c.events.some((e) => e.type === "ignored_outreach"));
    expect(chased.length).toBeGreaterThan(20);
    for (const c of chased) {
      const at = c.events.findIndex((e) => e.type === "ignored_outreach");
      const emails = c.events.slice(0, at).reverse();
      const sinceReply = emails.slice(
        0,
        Math.max(
          0,
          emails.findIndex((e) => e.direction === "inbound"),
        ),
      );
      expect(sinceReply.filter((e) => e.type === "outbound_email").length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("demo story: scale filler", () => {
  it("adds logins up to the target, each in the day before a natural login of a paying customer", () => {
    const customers = book(5, 400);
    const natural = customers.map((c) => ({
      rows: new Set(c.events),
      answers: c.events.filter((e) => e.answersEvent !== undefined).map((e) => c.events[e.answersEvent ?? -1]),
      evidence: c.milestones.map((m) => (m.evidenceEvent === undefined ? undefined : c.events[m.evidenceEvent])),
      lastInbound: c.events.filter((e) => e.direction === "inbound").at(-1),
    }));
    const count = customers.reduce((sum, c) => sum + c.events.length, 0);
    expect(addUsage(customers, count + 5_000, createRandom(9), now)).toBe(5_000);
    expect(customers.reduce((sum, c) => sum + c.events.length, 0)).toBe(count + 5_000);
    customers.forEach((c, i) => {
      const { rows, answers, evidence, lastInbound } = natural[i];
      expect(c.events.filter((e) => rows.has(e))).toHaveLength(rows.size);
      const answered = c.events.filter((e) => e.answersEvent !== undefined).map((e) => c.events[e.answersEvent ?? -1]);
      expect(answered).toEqual(answers);
      const proofs = c.milestones.map((m) => (m.evidenceEvent === undefined ? undefined : c.events[m.evidenceEvent]));
      expect(proofs).toEqual(evidence);
      expect(c.events.filter((e) => e.direction === "inbound").at(-1)).toBe(lastInbound);
      c.events.forEach((e, k) => {
        if (k > 0) expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(c.events[k - 1].occurredAt.getTime());
        if (rows.has(e)) return;
        expect(e.type).toBe("login");
        expect(e.recordedAt.getTime()).toBe(e.occurredAt.getTime());
        expect(e.occurredAt.getTime()).toBeGreaterThan((c.convertedAt as Date).getTime());
        const next = c.events.slice(k + 1).find((n) => rows.has(n));
        expect(next?.type).toBe("login");
        expect((next as { occurredAt: Date }).occurredAt.getTime() - e.occurredAt.getTime()).toBeLessThanOrEqual(DAY);
      });
    });
    expect(addUsage(customers, 10, createRandom(9), now)).toBe(0);
  });
});
