import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { DAY_MS } from "@/lib/dates";
import { balanceAt } from "@/lib/ledger";
import { seedDemo } from "@/server/demo/seed";
import { getSettings } from "@/server/settings/queries";
import { getCandidates } from "./queries";

beforeAll(async () => {
  await seedDemo({ customers: 400, seed: 33, now: new Date(new Date().toISOString().slice(0, 10)) });
});

/** Candidates by the rule, worked out here from raw rows: who to ask, those who spoke up first, then by balance. */
async function expectedCandidates() {
  const { ledger, advocacy } = await getSettings(db, ["ledger", "advocacy"]);
  const now = new Date();
  const rows = await queryRows<{ id: number; status: string; milestone: number; creditAcc: number; debtAcc: number }>(
    db,
    sql`select id, status, milestone, credit_acc as "creditAcc", debt_acc as "debtAcc" from customers`,
  );
  const withOpenRole = new Set(
    (
      await queryRows<{ id: number }>(
        db,
        sql`select customer_id as id from role_assignments where status in ('invited', 'active')`,
      )
    ).map((r) => r.id),
  );
  const spoke = await queryRows<{ id: number; at: string }>(
    db,
    sql`select i.customer_id as id, i.occurred_at::text as at from interactions i join interaction_types t on t.id = i.type_id
      where t.key in ('nps_promoter', 'praise')`,
  );
  const spokeUp = new Set(
    spoke.filter((s) => new Date(s.at).getTime() > now.getTime() - 180 * DAY_MS).map((s) => s.id),
  );
  return rows
    .filter((c) => c.status === "active" && (c.milestone === 10 || c.milestone === 11) && !withOpenRole.has(c.id))
    .map((c) => ({ id: c.id, balance: balanceAt(c, now, ledger), spokeUp: spokeUp.has(c.id) }))
    .filter((c) => c.balance >= advocacy.candidateBalance)
    .sort((a, b) => Number(b.spokeUp) - Number(a.spokeUp) || b.balance - a.balance || a.id - b.id);
}

describe("advocate candidates", () => {
  it("for every length of list, the candidates are, in order, those the rule picks from raw rows: retained or expanded, balance at the threshold or above, no open role, those who spoke up in 180 days first", async () => {
    const expected = await expectedCandidates();
    expect(expected.some((c) => c.spokeUp)).toBe(true);
    expect(expected.some((c) => !c.spokeUp)).toBe(true);
    for (let limit = 1; limit <= expected.length + 1; limit++) {
      const listed = await getCandidates(db, { limit });
      expect(listed.map((c) => [c.id, c.spokeUp])).toEqual(expected.slice(0, limit).map((c) => [c.id, c.spokeUp]));
      listed.forEach((c, n) => expect(c.balance).toBeCloseTo(expected[n].balance, 6));
    }
  });
});
