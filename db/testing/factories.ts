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
