import { desc, eq, gt, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { balanceAt } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db, queryRows } from "@/db";
import { getRiskForApi } from "@/server/data/api-reads";
import { loadRiskPage } from "./page";
import { getMrrAtRisk, getRiskDrivers, getRiskList } from "./queries";
import { getSuggestedSteps } from "./page";
import { bookInteractions } from "@/server/ledger/booking";
import { getSettings } from "@/server/settings/queries";
import { customers } from "@/db/schema";
import { seedDemo } from "@/server/demo/seed";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { scoringFormFields } from "@/testing/scoring-form";
import { ledgerDrift } from "@/testing/ledger-check";
import { type RawInteraction, rawInteractions, riskFromRaw } from "@/testing/risk-check";
import { logInteraction } from "@/server/ledger/commands";
import { refreshDueRisk, refreshRisk } from "./refresh";
import { updateScoring } from "@/server/scoring/commands";
import { DAY_MS as DAY } from "@/lib/dates";

async function storedBalance(customerId: number, now: Date) {
  const [row] = await db.select().from(customers).where(eq(customers.id, customerId));
  const { ledger } = await getSettings(db, ["ledger"]);
  return balanceAt(row, now, ledger);
}

describe("risk on the seeded book", () => {
  beforeAll(async () => {
    await seedDemo({ customers: 250, seed: 9, now: new Date(new Date().toISOString().slice(0, 10)) });
    await refreshRisk(db);
  });

  it("every stored risk score equals lib/risk.ts over inputs recomputed from raw interactions", async () => {
    const [{ now }] = await queryRows<{ now: string }>(db, sql`select now()::text as now`);
    const at = new Date(now);
    const raw = await rawInteractions();
    const byCustomer = new Map<number, RawInteraction[]>();
    for (const r of raw) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
    const rows = await db.select().from(customers);
    let checked = 0;
    for (const c of rows) {
      const expected = riskFromRaw(byCustomer.get(c.id) ?? [], c, at, DEFAULT_SETTINGS);
      expect(c.riskScore, `customer ${c.id}`).toBeCloseTo(expected, 6);
      checked++;
    }
    expect(checked).toBe(250);
    expect(rows.filter((c) => c.riskScore > 0).length).toBeGreaterThan(20);
    expect(rows.some((c) => c.fatigued)).toBe(true);
  });

  it("a stored score holds until its due time: lib/risk.ts over raw rows at 25 %, 50 % and 99 % of the way to risk_due_at (at most 30 days out) is within 0.05 or 1 % of it", async () => {
    const raw = await rawInteractions();
    const byCustomer = new Map<number, RawInteraction[]>();
    for (const r of raw) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
    const rows = await db.select().from(customers);
    let checked = 0;
    let dueWithinADay = 0;
    for (const c of rows) {
      if (c.status !== "active") expect(c.riskDueAt, `churned customer ${c.id}`).toBeNull();
      if (!c.riskDueAt || !c.riskComputedAt) continue;
      const from = c.riskComputedAt.getTime();
      const until = Math.min(c.riskDueAt.getTime(), from + 30 * DAY);
      if (c.riskDueAt.getTime() - from < DAY) dueWithinADay++;
      for (const share of [0.25, 0.5, 0.99]) {
        const at = new Date(from + share * (until - from));
        const drift = Math.abs(riskFromRaw(byCustomer.get(c.id) ?? [], c, at, DEFAULT_SETTINGS) - c.riskScore);
        expect(drift, `customer ${c.id} at ${at.toISOString()}`).toBeLessThanOrEqual(
          Math.max(0.05, 0.01 * c.riskScore) + 1e-9,
        );
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    // Not trivially safe: many scores are due again within a day (decay, a day of silence, a window).
    expect(dueWithinADay).toBeGreaterThan(10);
  });

  it("the periodic refresh rescores only customers whose due time has come: none right after a refresh, then exactly the 7 made due, each to lib/risk.ts over raw rows", async () => {
    await refreshDueRisk(db);
    expect(await refreshDueRisk(db)).toBe(0);
    const due = (
      await queryRows<{ id: number }>(
        db,
        sql`update customers set risk_score = 999, risk_due_at = now() - interval '1 second'
          where id in (select id from customers where status = 'active' order by id limit 7) returning id`,
      )
    ).map((row) => row.id);
    expect(await refreshDueRisk(db)).toBe(7);
    const [{ now }] = await queryRows<{ now: string }>(db, sql`select now()::text as now`);
    const raw = await rawInteractions(due);
    for (const row of await db.select().from(customers).where(inArray(customers.id, due))) {
      const expected = riskFromRaw(
        raw.filter((r) => r.customerId === row.id),
        row,
        new Date(now),
        DEFAULT_SETTINGS,
      );
      expect(row.riskScore, `customer ${row.id}`).toBeCloseTo(expected, 6);
      expect(row.riskDueAt === null || row.riskDueAt.getTime() > Date.now(), `customer ${row.id} due again`).toBe(true);
    }
  });

  it("one meaning of at risk, a score of at least 3 (the default threshold): the overview's count, the risk list's total, the API's total and the CSV export's rows all equal an independent SQL count; the watch list is the scores between 0 and 3", async () => {
    const threshold = DEFAULT_SETTINGS.risk.atRiskScore;
    expect(threshold).toBe(3);
    const [{ atRisk, watch }] = await queryRows<{ atRisk: number; watch: number }>(
      db,
      sql`select count(*) filter (where risk_score >= 3)::int as "atRisk",
            count(*) filter (where risk_score > 0 and risk_score < 3)::int as watch
          from customers where status = 'active'`,
    );
    expect(atRisk).toBeGreaterThan(0);
    expect(watch).toBeGreaterThan(0);
    const list = await getRiskList(db, { sort: "risk", direction: "desc", page: 1, pageSize: 1000 });
    expect({ total: list.total, more: list.more }).toEqual({ total: atRisk, more: false });
    expect(list.rows.every((row) => row.riskScore >= threshold)).toBe(true);
    const watchList = await getRiskList(db, {
      view: "watch",
      sort: "risk",
      direction: "desc",
      page: 1,
      pageSize: 1000,
    });
    expect(watchList.total).toBe(watch);
    expect(watchList.rows.every((row) => row.riskScore > 0 && row.riskScore < threshold)).toBe(true);
    expect((await getMrrAtRisk(db)).customers).toBe(atRisk);
    expect((await getRiskForApi(db, { limit: 100, page: 1, view: "at-risk" })).total).toBe(atRisk);
    // The CSV export reads the list in chunks of 500, page after page, as app/(dashboard)/risk/export does.
    let exported = 0;
    for (let page = 1; ; page++) {
      const { rows } = await loadRiskPage(db, { sort: "risk", direction: "desc", page, pageSize: 500 });
      exported += rows.length;
      if (rows.length < 500) break;
    }
    expect(exported).toBe(atRisk);
  });

  it("renewals on the risk list: 'renews within 30 days' keeps exactly the at-risk customers whose next renewal is today to 30 days out, and the renewal sort puts the soonest first", async () => {
    const { risk } = await getSettings(db, ["risk"]);
    const within = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where status = 'active' and risk_score >= ${risk.atRiskScore}
          and next_renewal_on between current_date and current_date + 30 order by id`,
    );
    expect(within.length).toBeGreaterThan(0);
    const list = await getRiskList(db, {
      sort: "renewal",
      direction: "desc",
      renewsWithinDays: 30,
      page: 1,
      pageSize: 1000,
    });
    expect(list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(within.map((r) => r.id));
    const days = list.rows.map((r) => r.nextRenewalOn ?? "");
    expect(days).toEqual([...days].sort());
  });

  it("the risk list counts exactly up to the cap past the page, then says there are more", async () => {
    const [{ watch }] = await queryRows<{ watch: number }>(
      db,
      sql`select count(*)::int as watch from customers where status = 'active' and risk_score > 0 and risk_score < 3`,
    );
    expect(watch).toBeGreaterThan(20);
    const view = "watch" as const;
    // page 2 of 10 rows, counting 5 past it: 2·10 + 5 = 25 counted, and "more" when the book has more
    const capped = await getRiskList(db, {
      view,
      sort: "risk",
      direction: "desc",
      page: 2,
      pageSize: 10,
      countAhead: 5,
    });
    expect({ total: capped.total, more: capped.more }).toEqual({ total: Math.min(25, watch), more: watch > 25 });
    expect(capped.rows).toHaveLength(10);
  });

  it("each at-risk customer's three drivers are their debits of the last 365 days summed per type and period (today, week, month, year) with the most negative Σ w·2^(−age/90), overrides included", async () => {
    const overridden = await createCustomer({ milestone: 9 });
    const csm = asSessionMember(await createMember({ role: "csm" }));
    for (const [typeKey, daysAgo, weight] of [
      ["complaint", 5, ""],
      ["login", 200, "-9"],
      ["bug_report", 1, ""],
      ["complaint", 400, ""],
      ["outage", 60, ""],
    ] as const) {
      const logged = await executeAction(logInteraction, csm, {
        customerId: String(overridden.id),
        typeKey,
        occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        channel: "email",
        direction: "inbound",
        summary: typeKey,
        weight,
      });
      expect(logged.ok).toBe(true);
    }
    const top = await db
      .select({ id: customers.id })
      .from(customers)
      .where(gt(customers.riskScore, 0))
      .orderBy(desc(customers.riskScore))
      .limit(25);
    const ids = [...top.map((c) => c.id), overridden.id];
    const drivers = await getRiskDrivers(db, { customerIds: ids });
    const raw = await queryRows<{ id: string; customer_id: number; type_key: string; weight: number; at: string }>(
      db,
      sql`select i.id::text as id, i.customer_id, t.key as type_key, coalesce(i.weight_override, t.default_weight)::float8 as weight, i.occurred_at::text as at
          from interactions i join interaction_types t on t.id = i.type_id where i.customer_id = any(${`{${ids.join(",")}}`}::int[])`,
    );
    const now = Date.now();
    const periodOf = (ageDays: number) =>
      ageDays < 1 ? "today" : ageDays < 7 ? "week" : ageDays < 30 ? "month" : "year";
    for (const id of ids) {
      // Independently: the customer's debits of 365 days, decayed, summed per type and period; the three most negative.
      const groups = new Map<string, { impact: number; newest: number; newestAt: number }>();
      for (const r of raw) {
        const ageDays = (now - new Date(r.at).getTime()) / DAY;
        if (r.customer_id !== id || r.weight >= 0 || ageDays >= 365) continue;
        const key = `${r.type_key}|${periodOf(ageDays)}`;
        const group = groups.get(key) ?? { impact: 0, newest: 0, newestAt: -Infinity };
        group.impact += r.weight * 2 ** (-ageDays / 90);
        const at = new Date(r.at).getTime();
        if (at > group.newestAt || (at === group.newestAt && Number(r.id) > group.newest)) {
          group.newest = Number(r.id);
          group.newestAt = at;
        }
        groups.set(key, group);
      }
      const expected = [...groups.values()].sort((a, b) => a.impact - b.impact || b.newest - a.newest).slice(0, 3);
      const got = drivers.get(id) ?? [];
      expect(
        got.map((d) => d.id),
        `customer ${id}`,
      ).toEqual(expected.map((e) => e.newest));
      got.forEach((d, index) => expect(d.impact).toBeCloseTo(expected[index].impact, 6));
    }
    // complaint −3·2^(−5/90) ≈ −2.89, login overridden −9·2^(−200/90) ≈ −1.93, outage −2·2^(−60/90) ≈ −1.26; bug report −0.99 is 4th, the 400-day complaint too old
    expect((drivers.get(overridden.id) ?? []).map((d) => d.typeKey)).toEqual(["complaint", "login", "outage"]);
  });
});

describe("repeated debits add up", () => {
  it("160 one-point support tickets today are one driver: 160 × Support ticket today, −160·2^(−age/90) ≈ −159.9, and the next step is a sudden drop", async () => {
    const customer = await createCustomer({ milestone: 9 });
    const csm = asSessionMember(await createMember({ role: "csm" }));
    await db.transaction((tx) =>
      bookInteractions(
        tx,
        Array.from({ length: 160 }, (_, n) => ({
          customerId: customer.id,
          typeKey: "support_ticket",
          occurredAt: new Date(Date.now() - (n + 1) * 60_000),
          weight: null,
          channel: "email" as const,
          direction: "inbound" as const,
          summary: `Ticket ${n}`,
        })),
        { actor: csm, source: "ui", audit: "by the caller" },
      ),
    );
    const [driver] = (await getRiskDrivers(db, { customerIds: [customer.id] })).get(customer.id) ?? [];
    expect(driver).toMatchObject({ typeKey: "support_ticket", count: 160, period: "today", summary: "Ticket 0" });
    // Each ticket is under 3 hours old: 2^(−0.125/90) > 0.999, so together between −160 and −159.8.
    expect(driver.impact).toBeGreaterThan(-160);
    expect(driver.impact).toBeLessThan(-159.8);
    const steps = await getSuggestedSteps(db, { customerId: customer.id });
    expect(steps[0]).toMatchObject({ key: "sudden" });
    expect(steps[0].text).toMatch(/^Sudden drop: −159\.\d today \(160 × Support ticket today\)\. Reach out today\.$/);
  });
});

describe("a change of scoring settings", () => {
  let csm: ReturnType<typeof asSessionMember>;

  beforeAll(async () => {
    csm = asSessionMember(await createMember({ role: "csm" }));
  });

  it("changing a weight and the half-lives in Settings recomputes every balance from raw rows", async () => {
    const admin = asSessionMember(await createMember({ role: "admin" }));
    const customer = await createCustomer({ milestone: 9 });
    for (const [typeKey, daysAgo] of [
      ["complaint", 10],
      ["praise", 40],
      ["complaint", 100],
    ] as const) {
      await executeAction(logInteraction, csm, {
        customerId: String(customer.id),
        typeKey,
        occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        channel: "email",
        direction: "inbound",
        summary: "x",
      });
    }
    const result = await executeAction(
      updateScoring,
      admin,
      scoringFormFields(
        { ...DEFAULT_SETTINGS, ledger: { creditHalfLifeDays: 15, debtHalfLifeDays: 60 } },
        { "weight.complaint": "-6" },
      ),
    );
    expect(result).toMatchObject({ ok: true });
    const now = new Date();
    // complaint −6 at 10 d, praise +2 at 40 d, complaint −6 at 100 d: −6·2^(−10/60) + 2·2^(−40/15) − 6·2^(−100/60)
    const expected = -6 * 2 ** (-10 / 60) + 2 * 2 ** (-40 / 15) - 6 * 2 ** (-100 / 60);
    expect(await storedBalance(customer.id, now)).toBeCloseTo(expected, 4);
    const drift = await ledgerDrift();
    expect(Math.max(drift.days, drift.accumulators)).toBeLessThan(1e-9);
    const refused = await executeAction(updateScoring, csm, { creditHalfLifeDays: "15" });
    expect(refused.ok).toBe(false);
  });
});
