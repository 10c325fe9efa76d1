import { sql } from "drizzle-orm";
import type { Queryable } from "./index";

type ColumnType = "int" | "bigint" | "smallint" | "text" | "timestamptz" | "double precision" | "boolean" | string;

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and PostgreSQL
 * unpacks them with json_to_recordset. Works the same on postgres.js and PGlite.
 */
export async function insertRows(
  runner: Queryable,
  table: string,
  columns: Record<string, ColumnType>,
  rows: readonly Record<string, unknown>[],
  chunkSize = 20_000,
): Promise<void> {
  const names = Object.keys(columns);
  const columnList = sql.raw(names.map((name) => `"${name}"`).join(", "));
  // json_to_recordset cannot build enum values, so read enums as text and cast on select.
  const recordDef = sql.raw(
    names.map((name) => `"${name}" ${isBuiltin(columns[name]) ? columns[name] : "text"}`).join(", "),
  );
  const selectList = sql.raw(
    names.map((name) => (isBuiltin(columns[name]) ? `"${name}"` : `"${name}"::${columns[name]}`)).join(", "),
  );
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await runner.execute(
      sql`insert into ${sql.raw(`"${table}"`)} (${columnList}) select ${selectList} from json_to_recordset(${JSON.stringify(chunk)}::json) as x(${recordDef})`,
    );
  }
}

const BUILTIN = new Set(["int", "bigint", "smallint", "text", "timestamptz", "double precision", "boolean", "text[]"]);
function isBuiltin(type: string): boolean {
  return BUILTIN.has(type);
}

/** After inserting explicit ids, moves the identity sequence past them. */
export async function resetIdentity(runner: Queryable, table: string): Promise<void> {
  await runner.execute(
    sql.raw(
      `select setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce((select max(id) from "${table}"), 0) + 1, false)`,
    ),
  );
}
