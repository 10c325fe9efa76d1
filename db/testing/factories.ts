import { db } from "../index";
import { customers, members } from "../schema";
import { hashPassword } from "@/lib/auth/password";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createMember(overrides: Partial<typeof members.$inferInsert> & { password?: string } = {}) {
  const { password = "correct horse battery", ...values } = overrides;
  const [member] = await db
    .insert(members)
    .values({ name: "Test Member", email: `member-${unique()}@example.test`, role: "csm", passwordHash: await hashPassword(password), ...values })
    .returning();
  return member;
}

export async function createCustomer(overrides: Partial<typeof customers.$inferInsert> = {}) {
  const [customer] = await db
    .insert(customers)
    .values({ name: "Test Customer", email: `customer-${unique()}@example.test`, company: "Test GmbH", plan: "growth", ...overrides })
    .returning();
  return customer;
}

export function asSessionMember(member: typeof members.$inferSelect) {
  return { id: member.id, name: member.name, email: member.email, role: member.role };
}

/** Tables a read may write (caches) and columns that change on use, not by a write a person makes. */
const NOT_WRITES: Record<string, string[] | "table"> = {
  journey_rollups: "table",
  api_tokens: ["last_used_at"],
};

/**
 * Row count and a digest of the contents of every table in the schema (new tables included by
 * themselves): equal before and after means nothing was inserted, updated or deleted.
 */
export async function writeFingerprint(): Promise<Record<string, string>> {
  const { sql } = await import("drizzle-orm");
  const { queryRows } = await import("../index");
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const skip = NOT_WRITES[name];
    if (skip === "table") continue;
    const ignored = `{${(skip ?? []).join(",")}}`;
    const row = sql`(to_jsonb(t) - ${ignored}::text[])::text`;
    const [{ rows, digest }] = await queryRows<{ rows: number; digest: string }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as digest from ${sql.identifier(name)} t`,
    );
    fingerprint[name] = `${rows} rows, ${digest}`;
  }
  return fingerprint;
}
