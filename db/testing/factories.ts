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

/** Row counts of the tables a write touches: equal before and after means nothing was written. */
export async function writeFingerprint() {
  const { sql } = await import("drizzle-orm");
  const { queryRows } = await import("../index");
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from customers) as customers, (select count(*)::int from interactions) as interactions,
               (select count(*)::int from milestone_changes) as milestones, (select count(*)::int from audit_log) as audit,
               (select coalesce(sum(credit_acc + debt_acc), 0)::float8 from customers) as ledger`,
  );
  return row;
}
