import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(db: Queryable): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  return Promise.race([query, timeout]);
}
