import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { DAY_MS } from "@/lib/dates";
import { delightEffects, mrrBand } from "@/lib/delight-effect";
import { balanceFromInteractions } from "@/lib/ledger";
import { seedDemo } from "@/server/demo/seed";
import { getSettings } from "@/server/settings/queries";
import { rawInteractions } from "@/testing/risk-check";
import { getDebitOutcomes } from "./effect";

const NOW = new Date("2026-11-30T00:00:00Z");

beforeAll(async () => {
  await seedDemo({ customers: 2000, seed: 42, now: NOW });
}, 180_000);

describe("did the delight work, on the demo book", () => {
  it("every queue-type debit of the year before the last 90 days on a customer active then is there once, answered exactly when a delight moment names it, with the churn outcome of independent SQL", async () => {
    const debits = await getDebitOutcomes(db, { now: NOW });
    const expected = await queryRows<{ id: number; answered: boolean; churned: boolean }>(
      db,
      sql`select i.id::int as id,
            exists (select 1 from delight_moments d where d.prompt_interaction_id = i.id) as answered,
            coalesce(c.churned_at <= i.occurred_at + interval '90 days', false) as churned
          from interactions i join interaction_types t on t.id = i.type_id join customers c on c.id = i.customer_id
          where t.key in ('complaint', 'bug_report', 'error_hit', 'support_ticket', 'social_mention', 'slow_response')
            and i.occurred_at > ${NOW.toISOString()}::timestamptz - interval '455 days'
            and i.occurred_at <= ${NOW.toISOString()}::timestamptz - interval '90 days'
            and (c.churned_at is null or c.churned_at > i.occurred_at)
          order by i.id`,
    );
    expect(expected.length).toBeGreaterThan(1000);
    expect(debits.map((d) => d.interactionId)).toEqual(expected.map((e) => e.id));
    expect(debits.map((d) => d.gesture !== null)).toEqual(expected.map((e) => e.answered));
    expect(debits.map((d) => d.churned)).toEqual(expected.map((e) => e.churned));
    expect(expected.filter((e) => e.answered).length).toBeGreaterThan(300);
  }, 60_000);

  it("the balance right after each debit and 30 days later equal the ledger recomputed in JavaScript from raw rows (every 10th debit)", async () => {
    const debits = (await getDebitOutcomes(db, { now: NOW })).filter((_, i) => i % 10 === 0);
    const { ledger } = await getSettings(db, ["ledger"]);
    const raw = await rawInteractions([...new Set(debits.map((d) => d.customerId))]);
    const [{ times }] = await queryRows<{ times: Record<string, string> }>(
      db,
      sql`select json_object_agg(id, occurred_at) as times from interactions where id = any(${`{${debits.map((d) => d.interactionId).join(",")}}`}::bigint[])`,
    );
    for (const debit of debits) {
      const at = new Date(times[debit.interactionId]);
      const rows = raw.filter((r) => r.customerId === debit.customerId);
      const later = new Date(at.getTime() + 30 * DAY_MS);
      const upTo = (t: Date) => rows.filter((r) => r.at <= t);
      expect(debit.balance, `debit ${debit.interactionId}`).toBeCloseTo(
        balanceFromInteractions(upTo(at), at, ledger),
        6,
      );
      expect(debit.balanceLater).toBeCloseTo(balanceFromInteractions(upTo(later), later, ledger), 6);
    }
  }, 60_000);

  it("each pair is an answered debit and an unanswered one of the same kind, MRR band and stage within one balance point, no control used twice; the churn rates are the pairs' own", async () => {
    const debits = await getDebitOutcomes(db, { now: NOW });
    const byId = new Map(debits.map((d) => [d.interactionId, d]));
    const { overall, byGesture } = delightEffects(debits);
    expect(overall.pairs).toBeGreaterThanOrEqual(30);
    const controls = overall.matched.map((p) => p.control.id);
    expect(new Set(controls).size).toBe(controls.length);
    for (const { treated, control } of overall.matched) {
      const t = byId.get(Number(treated.id));
      const c = byId.get(Number(control.id));
      expect(t?.gesture).not.toBeNull();
      expect(c?.gesture).toBeNull();
      expect([c?.debitType, c && mrrBand(c.mrrCents), c?.stage]).toEqual([
        t?.debitType,
        t && mrrBand(t.mrrCents),
        t?.stage,
      ]);
      expect(Math.abs((t?.balance ?? 0) - (c?.balance ?? 0))).toBeLessThanOrEqual(1 + 1e-9);
    }
    const churnedOf = (id: string | number) => byId.get(Number(id))?.churned ?? false;
    const rate = (flags: boolean[]) => flags.filter(Boolean).length / flags.length;
    expect(overall.churnRateTreated).toBeCloseTo(rate(overall.matched.map((p) => churnedOf(p.treated.id))), 12);
    expect(overall.churnRateControl).toBeCloseTo(rate(overall.matched.map((p) => churnedOf(p.control.id))), 12);
    expect(byGesture.reduce((sum, row) => sum + row.report.treatedTotal, 0)).toBe(overall.treatedTotal);
  }, 60_000);
});
