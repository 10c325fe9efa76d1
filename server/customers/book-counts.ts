import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { customers } from "@/db/schema";

/** The book at a glance: every figure from customers' own columns (indexed), never interactions. */
export async function getBookCounts(db: Queryable) {
  const [row] = await db
    .select({
      customers: sql<number>`count(*)::int`,
      active: sql<number>`count(*) filter (where ${customers.status} = 'active')::int`,
      churnedLast30Days: sql<number>`count(*) filter (where ${customers.churnedAt} >= now() - interval '30 days')::int`,
      mrrCents: sql<number>`coalesce(sum(${customers.mrrCents}) filter (where ${customers.status} = 'active'), 0)::bigint`,
    })
    .from(customers);
  return { ...row, mrrCents: Number(row.mrrCents) };
}
