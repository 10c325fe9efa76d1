import { eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers, interactions, members, scoringVersions } from "@/db/schema";
import { rocAuc } from "@/lib/backtest/metrics";
import { DAY_MS } from "@/lib/dates";
import type { SessionMember } from "@/lib/permissions";
import type { ScoringConfig } from "@/lib/scoring-version";
import { executeAction } from "@/server/actions/execute";
import { ingestEvents } from "@/server/data/api-ingest";
import { seedDemo } from "@/server/demo/seed";
import { deleteInteraction, editInteraction, logInteraction } from "@/server/ledger/commands";
import { independentBacktest, pairwiseAuc } from "@/testing/backtest-check";
import { asSessionMember, bookInteraction, createCustomer } from "@/testing/factories";
import { rawInteractions, riskFromRaw } from "@/testing/risk-check";
import { scoringFormFields } from "@/testing/scoring-form";
import { backtestAtCutoff, backtestWeights, runBacktest, scoreAsOf, versionScorer } from "./backtest";
import { endShadowScoring, previewScoring, saveFittedScoring, shadowScoring } from "./commands";
import { getShadowSummary } from "./shadow";
import { fitVersion } from "./fit";
import { getFeatureRows, monthlyCutoffs } from "./features";
import { configOf, getLiveVersion, getShadowVersion } from "./versions";

// The honest demo book (docs/demo-data.md), 2,000 customers as `npm run demo` seeds, at a fixed date.
const NOW = new Date("2026-11-30T00:00:00Z");
let config: ScoringConfig;
let csm: SessionMember;
let admin: SessionMember;

beforeAll(async () => {
  await seedDemo({ customers: 2000, seed: 42, now: NOW });
  config = configOf(await getLiveVersion(db));
  const [member] = await db.select().from(members).where(eq(members.role, "csm")).limit(1);
  csm = asSessionMember(member);
  const [boss] = await db.select().from(members).where(eq(members.role, "admin")).limit(1);
  admin = asSessionMember(boss);
}, 180_000);

describe("the backtest on the demo book", () => {
  it("ranks 90-day churners with an AUC of at least 0.75 and a top-decile lift of at least 2.5×, proxies left out, above every single-input baseline", async () => {
    const report = await runBacktest(db, { config, label: "live", horizonDays: 90, includeProxies: false, now: NOW });
    const [version, ...baselines] = report.scorers;
    expect(report.cutoffs).toHaveLength(10);
    expect(report.churned).toBeGreaterThan(100);
    expect(version.auc).toBeGreaterThanOrEqual(0.75);
    expect(version.topDecile.lift).toBeGreaterThanOrEqual(2.5);
    for (const baseline of baselines) expect(version.auc, baseline.key).toBeGreaterThan(baseline.auc ?? 1);
    // Read as two statements (odd and even customers): the same customer-months as one statement.
    const whole = await getFeatureRows(db, {
      cutoffs: monthlyCutoffs(NOW, { horizonDays: 90 }),
      horizonDays: 90,
      typeWeights: backtestWeights(config, false),
      halfLives: { credit: [config.ledger.creditHalfLifeDays], debt: [config.ledger.debtHalfLifeDays] },
      fatigueWindowDays: config.risk.fatigueWindowDays,
      population: "paying",
    });
    expect(report.rows).toBe(whole.length);
    expect(version.auc).toBeCloseTo(
      rocAuc(
        whole.map((row) => versionScorer(config, "").score(row)),
        whole.map((row) => row.churned),
      ) ?? NaN,
      12,
    );
  });

  it("at two cutoffs, the AUC equals an independent recomputation from raw rows (plain SQL and pairwise counting) within ±0.005, customer by customer", async () => {
    const cutoffs = monthlyCutoffs(NOW, { horizonDays: 90 });
    for (const cutoff of [cutoffs[0], cutoffs[cutoffs.length - 1]]) {
      const app = await backtestAtCutoff(db, { config, cutoff, horizonDays: 90, includeProxies: false });
      const independent = await independentBacktest(
        cutoff,
        90,
        { ...config.ledger, ...config.risk },
        config.proxyTypes,
      );
      expect(app.rows.map((r) => r.churned)).toEqual(independent.churned);
      app.scores.forEach((score, i) => expect(score).toBeCloseTo(independent.scores[i], 6));
      const auc = rocAuc(
        app.scores,
        app.rows.map((r) => r.churned),
      );
      expect(Math.abs((auc ?? 0) - pairwiseAuc(independent.scores, independent.churned))).toBeLessThanOrEqual(0.005);
    }
  });

  it("each customer-month carries the MRR the revenue ledger had at that cutoff (plain SQL: the movements up to it ÷ 12), not today's", async () => {
    const cutoffs = monthlyCutoffs(NOW, { horizonDays: 90 });
    const rows = await getFeatureRows(db, {
      cutoffs,
      horizonDays: 90,
      typeWeights: backtestWeights(config, false),
      halfLives: { credit: [config.ledger.creditHalfLifeDays], debt: [config.ledger.debtHalfLifeDays] },
      fatigueWindowDays: config.risk.fatigueWindowDays,
      population: "paying",
    });
    const expected = await queryRows<{ cutoff: string; customerId: number; mrrCents: number }>(
      db,
      sql`select ct.t::text as cutoff, c.id as "customerId",
            round(coalesce(sum(rm.arr_delta_cents), 0) / 12.0)::int as "mrrCents"
          from unnest(${`{${cutoffs.map((t) => t.toISOString()).join(",")}}`}::timestamptz[]) ct(t)
          join customers c on c.converted_at <= ct.t and (c.churned_at is null or c.churned_at > ct.t)
          left join revenue_movements rm on rm.customer_id = c.id and rm.occurred_at <= ct.t
          group by ct.t, c.id order by ct.t, c.id`,
    );
    expect(rows).toHaveLength(expected.length);
    const key = (cutoff: number, id: number) => `${cutoff}:${id}`;
    const byKey = new Map(expected.map((e) => [key(new Date(e.cutoff).getTime(), e.customerId), e.mrrCents]));
    for (const row of rows) expect(row.mrrCents).toBe(byKey.get(key(row.cutoff.getTime(), row.customerId)));
    // Revenue did move in the book: some paying customer-months differ from the customer's MRR today.
    const today = new Map(
      (await db.select({ id: customers.id, mrrCents: customers.mrrCents }).from(customers)).map((c) => [
        c.id,
        c.mrrCents,
      ]),
    );
    expect(rows.filter((row) => row.mrrCents !== today.get(row.customerId)).length).toBeGreaterThan(100);
  });

  it("windows end to the millisecond: a debit 30 days before a cutoff is out of its recent window and 1 ms later in; a row recorded at the cutoff counts, 1 ms later not until the next; an unanswered contact at the cutoff counts and 1 ms later not; one 21 days before the next cutoff is out of its fatigue window and 1 ms later in", async () => {
    const first = new Date("2026-06-01T00:00:00Z");
    const next = new Date("2026-07-01T00:00:00Z");
    const customer = await createCustomer({
      signedUpAt: new Date("2026-01-01T00:00:00Z"),
      convertedAt: new Date("2026-02-01T00:00:00Z"),
    });
    const at = (base: Date, days: number, ms = 0) => new Date(base.getTime() + days * DAY_MS + ms);
    const debits = {
      thirtyDaysBefore: at(first, -30),
      justInside: at(first, -30, 1),
      recordedAtCutoff: at(first, -1),
      recordedJustAfter: at(first, -2),
    };
    // Through the booking engine, each with the moment it was recorded.
    const log = (typeKey: string, occurredAt: Date, recordedAt = occurredAt) =>
      bookInteraction(csm, {
        customerId: customer.id,
        typeKey,
        occurredAt,
        recordedAt,
        direction: typeKey === "outbound_email" ? "outbound" : "inbound",
      });
    await log("complaint", debits.thirtyDaysBefore);
    await log("complaint", debits.justInside);
    await log("complaint", debits.recordedAtCutoff, first);
    await log("complaint", debits.recordedJustAfter, at(first, 0, 1));
    await log("outbound_email", first);
    await log("outbound_email", at(first, 0, 1));
    await log("outbound_email", at(next, -21));
    await log("outbound_email", at(next, -21, 1));
    const halfLife = 90;
    const rows = await getFeatureRows(db, {
      cutoffs: [first, next],
      horizonDays: 90,
      typeWeights: { complaint: -2, outbound_email: 0 },
      halfLives: { credit: [60], debt: [halfLife] },
      fatigueWindowDays: 21,
      population: { customerIds: [customer.id] },
    });
    // Each debit's weight decayed from when it occurred to the cutoff: -2 · 2^(-age in days / 90).
    const decayed = (occurred: Date, cutoff: Date) =>
      -2 * 2 ** (-(cutoff.getTime() - occurred.getTime()) / DAY_MS / halfLife);
    const sum = (cutoff: Date, occurred: Date[]) => occurred.reduce((total, o) => total + decayed(o, cutoff), 0);
    expect(rows.map((r) => r.cutoff.toISOString())).toEqual([first.toISOString(), next.toISOString()]);
    const [atFirst, atNext] = rows;
    expect(atFirst.debt[0]).toBeCloseTo(
      sum(first, [debits.thirtyDaysBefore, debits.justInside, debits.recordedAtCutoff]),
      9,
    );
    expect(atFirst.recentDebt[0]).toBeCloseTo(sum(first, [debits.justInside, debits.recordedAtCutoff]), 9);
    expect(atFirst.unanswered).toBe(1);
    expect(atNext.debt[0]).toBeCloseTo(sum(next, Object.values(debits)), 9);
    expect(atNext.recentDebt[0]).toBe(0);
    expect(atNext.unanswered).toBe(1);
  });

  it("a customer who converts mid-year carries what happened in the trial: a complaint in March and the last inbound contact in April count at the first cutoff it is paying at (July), as in one customer's own backtest and by hand", async () => {
    const cutoffs = ["2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01"].map((d) => new Date(`${d}T00:00:00Z`));
    const july = cutoffs[3];
    const customer = await createCustomer({
      signedUpAt: new Date("2026-03-01T00:00:00Z"),
      convertedAt: new Date("2026-06-15T00:00:00Z"),
    });
    const complaint = new Date("2026-03-10T00:00:00Z");
    const lastInbound = new Date("2026-04-20T00:00:00Z");
    for (const [typeKey, at] of [
      ["complaint", complaint],
      ["login", lastInbound],
    ] as const)
      await bookInteraction(csm, {
        customerId: customer.id,
        typeKey,
        occurredAt: at,
        recordedAt: at,
        direction: "inbound",
      });
    const query = {
      cutoffs,
      horizonDays: 90,
      typeWeights: { complaint: -2, login: 0 },
      halfLives: { credit: [60], debt: [90] },
      fatigueWindowDays: 21,
    };
    // The whole book's paying customers, narrowed to this one by its id range.
    const paying = await getFeatureRows(db, {
      ...query,
      population: "paying",
      shard: { fromId: customer.id, toId: customer.id + 1 },
    });
    const [own] = (await getFeatureRows(db, { ...query, population: { customerIds: [customer.id] } })).filter(
      (row) => row.cutoff.getTime() === july.getTime(),
    );
    expect(paying.map((row) => row.cutoff.toISOString())).toEqual([july.toISOString()]);
    const [atJuly] = paying;
    // -2 · 2^(-113 days / 90), and 72 days since 20 April.
    expect(atJuly.debt[0]).toBeCloseTo(-2 * 2 ** (-113 / 90), 9);
    expect(atJuly.silentDays).toBe(72);
    expect({ ...atJuly, paying: true }).toEqual({ ...own, paying: true });
  });
});

// The form's fields for a scoring, as Settings → Scoring sends them.
const fieldsOf = (c: ScoringConfig, risk: Partial<ScoringConfig["risk"]> = {}) =>
  scoringFormFields(
    { ledger: c.ledger, risk: { ...c.risk, ...risk } },
    Object.fromEntries(Object.entries(c.typeWeights).map(([key, weight]) => [`weight.${key}`, String(weight)])),
  );
const versionCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(scoringVersions))[0].n;

describe("a draft's preview", () => {
  it("the live scoring previews as itself (AUC a → a), a draft that scores only fatigue previews lower, and neither writes anything", async () => {
    const versions = await versionCount();
    const same = await executeAction(previewScoring, admin, fieldsOf(config));
    expect(same, same.message).toMatchObject({ ok: true });
    const { live, draft } = (same as { data: { live: { auc: number }; draft: { auc: number } } }).data;
    expect(draft.auc).toBeCloseTo(live.auc, 9);
    expect(same.message).toContain(`AUC ${live.auc.toFixed(3)} → ${live.auc.toFixed(3)}`);

    const fatigueOnly = await executeAction(
      previewScoring,
      admin,
      fieldsOf(config, { debtWeight: 0, trendWeight: 0, silenceWeight: 0 }),
    );
    const worse = (fatigueOnly as { data: { draft: { auc: number } } }).data.draft;
    expect(worse.auc).toBeLessThan(live.auc - 0.1);
    expect(fatigueOnly.message).toMatch(/^Backtest against version \d+ .*Nothing was saved\.$/);
    expect(await versionCount()).toBe(versions);
  }, 120_000);

  it("a draft with an invalid weight is refused with the field's message, like a save", async () => {
    const result = await executeAction(previewScoring, admin, { ...fieldsOf(config), "weight.complaint": "-500" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { "weight.complaint": ["A weight must be a number from −100 to 100."] },
    });
  });
});

describe("a fitted version", () => {
  it("fitted on the earlier cutoffs, it ranks the last three cutoffs' churners above every single-input baseline and at least as well as the hand-set version, with no negative weight", async () => {
    const fit = await fitVersion(db, { base: config, label: "live", now: NOW });
    const [fitted, hand, ...baselines] = fit.outOfTime.scorers;
    expect(fit.outOfTime.cutoffs).toHaveLength(3);
    expect(fit.config.model?.trainedOn.cutoffs).toHaveLength(7);
    for (const baseline of baselines) expect(fitted.auc, baseline.key).toBeGreaterThan(baseline.auc ?? 1);
    expect(fitted.auc).toBeGreaterThanOrEqual((hand.auc ?? 1) - 0.005);
    const { debtWeight, trendWeight, silenceWeight, fatigueWeight } = fit.config.risk;
    for (const weight of [debtWeight, trendWeight, silenceWeight, fatigueWeight])
      expect(weight).toBeGreaterThanOrEqual(0);
  }, 120_000);
});

describe("scores as of a past day", () => {
  it("the score as of now equals the stored score, customer by customer (50 paying customers, each at the moment it was scored)", async () => {
    const sample = await db
      .select({ id: customers.id, riskScore: customers.riskScore, at: customers.riskComputedAt })
      .from(customers)
      .where(sql`${customers.convertedAt} is not null`)
      .orderBy(customers.id)
      .limit(50);
    for (const row of sample) {
      const scores = await scoreAsOf(db, { at: row.at ?? new Date(), config, customerIds: [row.id] });
      expect(scores.get(row.id), `customer ${row.id}`).toBeCloseTo(row.riskScore, 6);
    }
  });

  it("adding, editing or deleting rows recorded after a day never changes that day's scores (form, API, edits, deletes, back-dated into the past)", async () => {
    const day = new Date(NOW.getTime() - 45 * DAY_MS);
    const ids = (
      await queryRows<{ id: number }>(
        db,
        sql`select id from customers where converted_at < ${day.toISOString()}::timestamptz order by id limit 40`,
      )
    ).map((r) => r.id);
    const before = await scoreAsOf(db, { at: day, config, customerIds: ids });
    const testStart = new Date();
    expect([...before.values()].some((score) => score > 0)).toBe(true);
    const logged: number[] = [];
    let sequence = 0;
    const write = fc.oneof(
      fc.record({
        via: fc.constant("form" as const),
        customer: fc.nat(),
        type: fc.constantFrom("complaint", "praise", "login", "outbound_email", "bug_report"),
        daysBefore: fc.double({ min: 0, max: 200, noNaN: true }),
      }),
      fc.record({
        via: fc.constant("api" as const),
        customer: fc.nat(),
        type: fc.constantFrom("error_hit", "feature_adopted", "login", "cancellation_request"),
        daysBefore: fc.double({ min: 0, max: 200, noNaN: true }),
      }),
      fc.record({
        via: fc.constant("edit" as const),
        pick: fc.nat(),
        daysBefore: fc.double({ min: 0, max: 200, noNaN: true }),
      }),
      fc.record({ via: fc.constant("delete" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
        for (const w of writes) {
          const at = (daysBefore: number) => new Date(day.getTime() - daysBefore * DAY_MS).toISOString();
          if (w.via === "form") {
            const result = await executeAction(logInteraction, csm, {
              customerId: String(ids[w.customer % ids.length]),
              typeKey: w.type,
              occurredAt: at(w.daysBefore),
              channel: "email",
              direction: w.type === "outbound_email" ? "outbound" : "inbound",
              summary: "recorded after the day",
            });
            expect(result, result.message).toMatchObject({ ok: true });
            if (result.ok) logged.push((result.data as { id: number }).id);
          } else if (w.via === "api") {
            const [result] = await ingestEvents(db, {
              body: {
                events: [
                  {
                    externalId: `late-${sequence++}-${Date.now()}`,
                    customerId: ids[w.customer % ids.length],
                    type: w.type,
                    occurredAt: at(w.daysBefore),
                  },
                ],
              },
              actor: { id: null, label: "api:late feed" },
            });
            logged.push(result.id);
          } else if (logged.length > 0 && w.via === "edit") {
            const id = logged[w.pick % logged.length];
            const result = await executeAction(editInteraction, admin, {
              interactionId: String(id),
              typeKey: "complaint",
              occurredAt: at(w.daysBefore),
              channel: "email",
              direction: "inbound",
              summary: "edited after the day",
            });
            expect(result, result.message).toMatchObject({ ok: true });
          } else if (logged.length > 0) {
            const [id] = logged.splice(w.pick % logged.length, 1);
            expect(await executeAction(deleteInteraction, admin, { interactionId: String(id) })).toMatchObject({
              ok: true,
            });
          }
        }
        const [{ late }] = await queryRows<{ late: number }>(
          db,
          sql`select count(*)::int as late from interactions
              where customer_id = any(${`{${ids.join(",")}}`}::int[]) and recorded_at >= ${testStart.toISOString()}::timestamptz`,
        );
        expect(late).toBe(logged.length);
        const after = await scoreAsOf(db, { at: day, config, customerIds: ids });
        for (const id of ids) expect(after.get(id), `customer ${id}`).toBeCloseTo(before.get(id) ?? NaN, 9);
      }),
      { numRuns: 15 },
    );
    const [{ count }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(interactions)
      .where(inArray(interactions.customerId, ids));
    expect(count).toBeGreaterThan(0);
  }, 180_000);
});

describe("a version in shadow", () => {
  it("runs beside the live version: the live scores stay, every active customer's shadow score is the shadow's formula over raw rows, and ending it clears them", async () => {
    const live = await getLiveVersion(db);
    const sample = await db
      .select({
        id: customers.id,
        riskScore: customers.riskScore,
        status: customers.status,
        convertedAt: customers.convertedAt,
      })
      .from(customers)
      .where(sql`${customers.status} = 'active'`)
      .orderBy(customers.id)
      .limit(40);
    const fields = {
      ...fieldsOf(config, { debtWeight: 2, silenceWeight: 0.5, atRiskScore: 1 }),
      creditHalfLifeDays: "60",
      debtHalfLifeDays: "120",
    };
    const result = await executeAction(shadowScoring, admin, fields);
    const at = new Date();
    expect(result, result.message).toMatchObject({ ok: true });
    expect((await getLiveVersion(db)).number).toBe(live.number);
    const shadow = await getShadowVersion(db);
    expect(shadow?.shadowUntil?.getTime()).toBeGreaterThan(Date.now() + 29 * DAY_MS);
    const shadowSettings = {
      ledger: { creditHalfLifeDays: 60, debtHalfLifeDays: 120 },
      risk: { ...config.risk, debtWeight: 2, silenceWeight: 0.5, atRiskScore: 1 },
    };
    const raw = await rawInteractions(sample.map((c) => c.id));
    const stored = await db
      .select({ id: customers.id, riskScore: customers.riskScore, shadow: customers.shadowRiskScore })
      .from(customers)
      .where(
        inArray(
          customers.id,
          sample.map((c) => c.id),
        ),
      )
      .orderBy(customers.id);
    stored.forEach((row, i) => {
      expect(row.riskScore, `customer ${row.id}: live score kept`).toBe(sample[i].riskScore);
      const expected = riskFromRaw(
        raw.filter((r) => r.customerId === row.id),
        sample[i],
        at,
        shadowSettings,
      );
      expect(row.shadow, `customer ${row.id}`).toBeCloseTo(expected, 3);
    });
    const [{ atRisk }] = await queryRows<{ atRisk: number }>(
      db,
      sql`select count(*)::int as "atRisk" from customers where status = 'active' and shadow_risk_score >= 1`,
    );
    expect((await getShadowSummary(db))?.atRisk).toBe(atRisk);

    expect(await executeAction(endShadowScoring, admin, {})).toMatchObject({ ok: true });
    expect(await getShadowVersion(db)).toBeNull();
    const [{ left }] = await queryRows<{ left: number }>(
      db,
      sql`select count(*)::int as "left" from customers where shadow_risk_score is not null`,
    );
    expect(left).toBe(0);
    expect(await executeAction(endShadowScoring, admin, {})).toMatchObject({
      ok: false,
      message: "No scoring version runs in shadow.",
    });
  }, 120_000);
});

// Last: saving a fit changes the live version the tests above score with.
describe("saving a fitted version", () => {
  it("an admin's save makes the next version, kind fitted, and every stored score is then the fitted score of the customer's rows", async () => {
    // The next number follows every version, those that ran in shadow included.
    const next = (await versionCount()) + 1;
    const result = await executeAction(saveFittedScoring, admin, {});
    expect(result, result.message).toMatchObject({ ok: true });
    expect(result.message).toContain(`Saved as scoring version ${next}: fitted to the book's history`);
    const live = await getLiveVersion(db);
    expect(live).toMatchObject({ number: next, kind: "fitted", createdById: admin.id });
    expect(live.model?.features).toEqual(["debt", "fall", "silence", "fatigue"]);
    const fitted = configOf(live);
    const sample = await db
      .select({ id: customers.id, riskScore: customers.riskScore, at: customers.riskComputedAt })
      .from(customers)
      .where(sql`${customers.convertedAt} is not null`)
      .orderBy(customers.id)
      .limit(50);
    for (const row of sample) {
      const scores = await scoreAsOf(db, { at: row.at ?? new Date(), config: fitted, customerIds: [row.id] });
      expect(scores.get(row.id), `customer ${row.id}`).toBeCloseTo(row.riskScore, 6);
    }
  }, 120_000);
});
