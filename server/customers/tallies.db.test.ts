import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers } from "@/db/schema";
import { executeAction } from "@/server/actions/execute";
import { setMilestone } from "@/server/journey/commands";
import { asSessionMember, bookInteraction, createCustomer, createMember } from "@/testing/factories";
import { separateConnections } from "@/testing/separate-connections";
import { churnCustomer, reactivateCustomer } from "./commands";
import { foldTallies, TALLIES } from "./tallies";

type Tally = { key: string; customers: number; mrr: number; credit: number; debt: number };

/** The book counted per key straight from the customers, independently of the triggers. */
async function recount(): Promise<Tally[]> {
  return queryRows<Tally>(
    db,
    sql`select concat_ws('|', status, milestone, peak_milestone, coalesce(owner_id, 0), plan,
          to_char(signed_up_at at time zone 'UTC', 'YYYY-MM')) as key,
        count(*)::int as customers, sum(mrr_cents)::float8 as mrr, sum(credit_acc)::float8 as credit,
        sum(debt_acc)::float8 as debt
      from customers group by 1 order by 1`,
  );
}

async function tallied(): Promise<Tally[]> {
  return queryRows<Tally>(
    db,
    sql`select concat_ws('|', status, milestone, peak_milestone, owner_id, plan, cohort) as key,
        sum(customers)::int as customers, sum(mrr_cents)::float8 as mrr, sum(credit_acc)::float8 as credit,
        sum(debt_acc)::float8 as debt
      from ${TALLIES} group by 1 having sum(customers) <> 0 order by 1`,
  );
}

async function expectTalliesToMatchCustomers() {
  const [expected, actual] = await Promise.all([recount(), tallied()]);
  expect(actual.map((t) => [t.key, t.customers, t.mrr])).toEqual(expected.map((t) => [t.key, t.customers, t.mrr]));
  actual.forEach((t, i) => {
    expect(t.credit, t.key).toBeCloseTo(expected[i].credit, 6);
    expect(t.debt, t.key).toBeCloseTo(expected[i].debt, 6);
  });
  return expected.length;
}

describe("the book's tallies (customer_tallies + customer_tally_deltas)", () => {
  it("after new customers, bookings, milestone moves, churn and reactivation, plan, owner and MRR changes and a deletion, every key's count, MRR, credit and debt equal a count over the customers themselves, before and after folding", async () => {
    const manager = asSessionMember(await createMember({ role: "manager" }));
    const other = await createMember({ role: "csm" });
    const made = [];
    for (let i = 0; i < 12; i++)
      made.push(
        await createCustomer({
          milestone: 3 + (i % 9),
          plan: ["starter", "growth", "scale"][i % 3],
          mrrCents: 1000 * i,
          signedUpAt: new Date(Date.UTC(2025, i % 6, 15)),
          ownerId: i % 4 === 0 ? null : manager.id,
        }),
      );
    for (const [i, c] of made.entries())
      await bookInteraction(manager, { customerId: c.id, typeKey: i % 2 ? "complaint" : "praise" });
    await executeAction(setMilestone, manager, { customerId: String(made[1].id), milestone: "10", reason: "Bought" });
    await executeAction(setMilestone, manager, { customerId: String(made[2].id), milestone: "2", reason: "Back" });
    await executeAction(churnCustomer, manager, { customerId: String(made[3].id), reason: "Budget" });
    await executeAction(churnCustomer, manager, { customerId: String(made[4].id), reason: "Budget" });
    await executeAction(reactivateCustomer, manager, { customerId: String(made[4].id) });
    await db.update(customers).set({ plan: "scale", mrrCents: 99_00 }).where(eq(customers.id, made[5].id));
    await db
      .update(customers)
      .set({ ownerId: other.id })
      .where(inArray(customers.id, [made[6].id, made[7].id]));
    await db.delete(customers).where(eq(customers.id, made[8].id));

    const [{ deltas }] = await queryRows<{ deltas: number }>(
      db,
      sql`select count(*)::int as deltas from customer_tally_deltas`,
    );
    expect(deltas).toBeGreaterThan(0);
    expect(await expectTalliesToMatchCustomers()).toBeGreaterThan(5);
    expect(await foldTallies(db)).toBe(deltas);
    expect(await foldTallies(db)).toBe(0);
    await expectTalliesToMatchCustomers();
  });

  it("four writers on their own connections booking at once while the tallies are folded again and again: the tallies still equal the recount", async () => {
    const manager = asSessionMember(await createMember({ role: "manager" }));
    const book = await Promise.all(Array.from({ length: 20 }, (_, i) => createCustomer({ milestone: 4 + (i % 8) })));
    const [folder] = separateConnections(1);
    let writing = true;
    const folding = (async () => {
      while (writing) await foldTallies(folder);
    })();
    await Promise.all(
      [0, 1, 2, 3].map(async (writer) => {
        for (let round = 0; round < 10; round++) {
          const customer = book[(writer * 5 + round) % book.length];
          await bookInteraction(manager, { customerId: customer.id, typeKey: round % 3 ? "login" : "complaint" });
        }
      }),
    );
    writing = false;
    await folding;
    await expectTalliesToMatchCustomers();
  });
});
