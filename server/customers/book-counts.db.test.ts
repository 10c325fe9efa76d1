import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers } from "@/db/schema";
import { createCustomer } from "@/testing/factories";
import { getBookCounts } from "./book-counts";
import { DAY_MS as day } from "@/lib/dates";

describe("book counts on the overview", () => {
  beforeAll(async () => {
    await db.delete(customers);
    await createCustomer({ mrrCents: 10_000 });
    await createCustomer({ mrrCents: 25_000 });
    await createCustomer({ mrrCents: 99_900, status: "churned", churnedAt: new Date(Date.now() - 10 * day) });
    await createCustomer({ mrrCents: 50_000, status: "churned", churnedAt: new Date(Date.now() - 45 * day) });
  });

  it("4 customers, 2 active, 1 churned in 30 days, MRR $100 + $250 = $350 (churned MRR excluded)", async () => {
    expect(await getBookCounts(db)).toEqual({ customers: 4, active: 2, churnedLast30Days: 1, mrrCents: 35_000 });
  });

  it("agrees with an independent SQL count over the raw table", async () => {
    const [raw] = await queryRows<{ total: number; active: number; mrr: number }>(
      db,
      sql`select count(*)::int as total,
                 (select count(*)::int from customers where status = 'active') as active,
                 (select coalesce(sum(mrr_cents), 0)::int from customers where status = 'active') as mrr
          from customers`,
    );
    const counts = await getBookCounts(db);
    expect([counts.customers, counts.active, counts.mrrCents]).toEqual([raw.total, raw.active, raw.mrr]);
  });
});
