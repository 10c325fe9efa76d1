import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "./index";

/** Long lists count their rows only this far past the page shown: tens of thousands read "1,000+", and the count stays fast. */
export const COUNT_AHEAD = 1000;

/** How many rows `matching` (a `select 1 from … where …`) has, counted no further than `cap`. */
export async function countUpTo(
  db: Queryable,
  { matching, cap }: { matching: SQL; cap: number },
): Promise<{ total: number; more: boolean }> {
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from (${matching} limit ${cap + 1}) as capped`,
  );
  return { total: Math.min(total, cap), more: total > cap };
}
