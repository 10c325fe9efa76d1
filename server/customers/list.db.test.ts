import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { seedDemo } from "@/server/demo/seed";
import { type CustomerListQuery, listCustomers } from "./queries";

const base: CustomerListQuery = { sort: "name", direction: "asc", page: 1, pageSize: 25 };

describe("the customer list", () => {
  let ownerId: number;
  beforeAll(async () => {
    await seedDemo({ customers: 180, seed: 11, now: new Date(new Date().toISOString().slice(0, 10)) });
    [{ ownerId }] = await queryRows<{ ownerId: number }>(
      db,
      sql`select owner_id as "ownerId" from customers group by 1 order by count(*) desc limit 1`,
    );
  });

  it("says how many customers each filter keeps, equal to an independent count (none, owner, status, plan, milestones 5–9, a search, and all at once)", async () => {
    const cases: [Partial<CustomerListQuery>, string][] = [
      [{}, "true"],
      [{ ownerId }, `owner_id = ${ownerId}`],
      [{ status: "churned" }, "status = 'churned'"],
      [{ plan: "growth" }, "plan = 'growth'"],
      [{ milestoneRange: { from: 5, to: 9 } }, "milestone between 5 and 9"],
      [{ q: "an" }, "lower(name || ' ' || coalesce(email, '') || ' ' || coalesce(company, '')) like '%an%'"],
      [
        { ownerId, status: "active", plan: "growth", milestoneRange: { from: 5, to: 11 } },
        `owner_id = ${ownerId} and status = 'active' and plan = 'growth' and milestone between 5 and 11`,
      ],
    ];
    for (const [filter, where] of cases) {
      const { total } = await listCustomers(db, { ...base, ...filter });
      const [{ expected }] = await queryRows<{ expected: number }>(
        db,
        sql.raw(`select count(*)::int as expected from customers where ${where}`),
      );
      expect(total, where).toBe(expected);
      expect(expected, where).toBeGreaterThan(0);
    }
  });

  it("page 3 by name is rows 51–75 of the book sorted by name then id, and the last page holds what is left", async () => {
    const sorted = await queryRows<{ id: number }>(db, sql`select id from customers order by name, id`);
    const page3 = await listCustomers(db, { ...base, page: 3 });
    expect(page3.rows.map((r) => r.id)).toEqual(sorted.slice(50, 75).map((r) => r.id));
    const last = await listCustomers(db, { ...base, page: 8 });
    expect(last.rows.map((r) => r.id)).toEqual(sorted.slice(175).map((r) => r.id));
    const byMrr = await listCustomers(db, { ...base, sort: "mrr", direction: "desc", page: 2 });
    const expected = await queryRows<{ id: number }>(
      db,
      sql`select id from customers order by mrr_cents desc, id desc offset 25 limit 25`,
    );
    expect(byMrr.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it("a search matching 1,200 customers counts 1,025 on page 1 and 1,050 on page 2, each saying there are more; on page 10 (cap 1,250) it counts all 1,200; a search matching 312 counts exactly", async () => {
    await db.execute(sql`insert into customers (name, email, plan)
      select 'Common Name ' || n, 'common-' || n || '@example.test', 'starter' from generate_series(1, 1200) as n`);
    expect(await listCustomers(db, { ...base, q: "common name" })).toMatchObject({ total: 1025, more: true });
    expect(await listCustomers(db, { ...base, q: "common name", page: 2 })).toMatchObject({ total: 1050, more: true });
    expect(await listCustomers(db, { ...base, q: "common name", page: 10 })).toMatchObject({
      total: 1200,
      more: false,
    });
    const few = await listCustomers(db, { ...base, q: "common name 1", pageSize: 500 });
    // "Common Name 1", 10–19, 100–199 and 1000–1200: 1 + 10 + 100 + 201.
    expect(few).toMatchObject({ total: 312, more: false });
    // Many matches walk the name index, few are fetched by id: both pages are the rows an
    // independent query sorts by name then id.
    const expected = async (pattern: string, limit: number) =>
      (
        await queryRows<{ id: number }>(
          db,
          sql`select id from customers where lower(name || ' ' || coalesce(email, '') || ' ' || coalesce(company, '')) like ${pattern}
            order by name, id limit ${limit} offset 25`,
        )
      ).map((row) => row.id);
    const many = await listCustomers(db, { ...base, q: "common name", page: 2 });
    expect(many.rows.map((row) => row.id)).toEqual(await expected("%common name%", 25));
    const some = await listCustomers(db, { ...base, q: "common name 11", page: 2 });
    expect(some.rows.map((row) => row.id)).toEqual(await expected("%common name 11%", 25));
    expect(some.rows).toHaveLength(25);
    await db.execute(sql`delete from customers where email like 'common-%@example.test'`);
  });
});
