import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { customers } from "@/db/schema";
import { message, type Text } from "@/lib/error-messages";
import { NotFoundError } from "@/lib/errors";

const CUSTOMER = message("notFound.what.customer");

/**
 * Locks one customer's row until the transaction ends and returns it. Every write to a customer
 * locks it first, so concurrent writes to the same customer take turns.
 */
export async function lockCustomer(tx: Queryable, customerId: number, what: Text = CUSTOMER) {
  const [customer] = await tx.select().from(customers).where(eq(customers.id, customerId)).for("update");
  if (!customer) throw new NotFoundError(what);
  return customer;
}

/** Locks several customers' rows in id order, so that batches touching the same customers cannot deadlock. */
export async function lockCustomers(
  tx: Queryable,
  customerIds: readonly number[],
  what: Text = CUSTOMER,
): Promise<void> {
  const ids = [...new Set(customerIds)].sort((a, b) => a - b);
  const locked = await queryRows<{ id: number }>(
    tx,
    sql`select id from customers where id = any(${`{${ids.join(",")}}`}::int[]) order by id for update`,
  );
  if (locked.length < ids.length) throw new NotFoundError(what);
}
