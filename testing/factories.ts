import { eq, sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { customers, memberInvitations, members, savedViews, tasks } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/server/audit/record";
import { type BookingRow, bookInteraction as book, bookInteractions as bookMany } from "@/server/ledger/booking";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createMember(overrides: Partial<typeof members.$inferInsert> & { password?: string } = {}) {
  const { password = DEFAULT_MEMBER_PASSWORD, ...values } = overrides;
  const [member] = await db
    .insert(members)
    .values({
      name: "Test Member",
      email: `member-${unique()}@example.test`,
      role: "csm",
      passwordHash: await hashPassword(password),
      ...values,
    })
    .returning();
  return member;
}

export async function createCustomer(overrides: Partial<typeof customers.$inferInsert> = {}) {
  const [customer] = await db
    .insert(customers)
    .values({
      name: "Test Customer",
      email: `customer-${unique()}@example.test`,
      company: "Test GmbH",
      plan: "growth",
      ...overrides,
    })
    .returning();
  return customer;
}

/** An open task on a customer (a fresh one unless given), due today, for `assigneeId` (nobody by default). */
export async function createTask(overrides: Partial<typeof tasks.$inferInsert> = {}) {
  const customerId = overrides.customerId ?? (await createCustomer()).id;
  const [task] = await db
    .insert(tasks)
    .values({
      title: `Task ${unique()}`,
      dueOn: new Date().toISOString().slice(0, 10),
      source: "manual",
      ...overrides,
      customerId,
    })
    .returning();
  return task;
}

/** A private, unpinned view of the risk list owned by `ownerId`, unless told otherwise. */
export async function createSavedView(overrides: Partial<typeof savedViews.$inferInsert> & { ownerId: number }) {
  const [view] = await db
    .insert(savedViews)
    .values({ list: "risk", name: `View ${unique()}`, query: "plan=growth", ...overrides })
    .returning();
  return view;
}

export function asSessionMember(member: typeof members.$inferSelect) {
  return { id: member.id, name: member.name, email: member.email, role: member.role };
}

/** Tables a read may write (caches) and any request (rate limits, sign-in throttle): not a write a person makes. */
const CACHES = new Set(["journey_rollups", "api_rate_buckets", "login_throttles"]);

/**
 * Per table of the schema (new tables included by themselves), the row count and the sum of row
 * versions (`xmin`, the transaction that wrote each row): any insert, update or delete changes it,
 * rolled-back ones do not. API tokens are compared by content instead, without their last use,
 * which authenticating a request records.
 */
export async function writeFingerprint(): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const version = (table: string) =>
    sql.raw(
      table === "api_tokens"
        ? "hashtextextended((to_jsonb(t) - 'last_used_at')::text, 0)::numeric"
        : "t.xmin::text::numeric",
    );
  const perTable = tables
    .map(({ name }) => name)
    .filter((name) => !CACHES.has(name))
    .map(
      (table) =>
        sql`select ${table}::text as name, count(*) || ':' || coalesce(sum(${version(table)}), 0) as fingerprint from ${sql.identifier(table)} t`,
    );
  const rows = await queryRows<{ name: string; fingerprint: string }>(db, sql.join(perTable, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.name, r.fingerprint]));
}

/** One interaction booked as `actor` logs it in the form (through the booking engine); its id. */
export async function bookInteraction(
  actor: Actor,
  row: Partial<Omit<BookingRow, "externalId" | "payloadHash">> & Pick<BookingRow, "customerId" | "typeKey">,
): Promise<number> {
  const booked = await db.transaction((tx) =>
    book(
      tx,
      { occurredAt: new Date(), weight: null, channel: "other", direction: "inbound", summary: "", ...row },
      { actor, source: "ui", audit: { each: "interaction.logged" } },
    ),
  );
  return booked.id;
}

/**
 * A year of history a backtest or a fit can learn from: `count` paying customers converted 400 days
 * ago, every other one churning on a day spread over the last year after a complaint and a month of
 * silence, the rest logging in monthly. Rows are recorded when they happened, as a live feed would.
 */
export async function createChurnHistory(actor: Actor, count = 60): Promise<void> {
  const day = 86_400_000;
  const now = Date.now();
  const rows: BookingRow[] = [];
  for (let i = 0; i < count; i++) {
    const churnsDaysAgo = i % 2 === 0 ? 10 + ((i * 37) % 330) : null;
    const customer = await createCustomer({
      convertedAt: new Date(now - 400 * day),
      signedUpAt: new Date(now - 420 * day),
      milestone: 8,
      status: churnsDaysAgo === null ? "active" : "churned",
      churnedAt: churnsDaysAgo === null ? null : new Date(now - churnsDaysAgo * day),
    });
    const lastActive = churnsDaysAgo === null ? 0 : churnsDaysAgo + 30;
    for (let daysAgo = 390; daysAgo > lastActive; daysAgo -= 30) {
      const occurredAt = new Date(now - daysAgo * day);
      rows.push({
        customerId: customer.id,
        typeKey: "login",
        occurredAt,
        recordedAt: occurredAt,
        weight: null,
        channel: "in_app",
        direction: "inbound",
        summary: "Signed in",
      });
    }
    if (churnsDaysAgo !== null) {
      const occurredAt = new Date(now - (churnsDaysAgo + 35) * day);
      rows.push({
        customerId: customer.id,
        typeKey: "complaint",
        occurredAt,
        recordedAt: occurredAt,
        weight: null,
        channel: "email",
        direction: "inbound",
        summary: "Unhappy",
      });
    }
  }
  await db.transaction((tx) =>
    bookMany(tx, rows, { actor, source: "api", audit: "by the caller", advanceMilestones: false }),
  );
}

/** The password createMember gives a member unless told otherwise. */
export const DEFAULT_MEMBER_PASSWORD = "correct horse battery";

/**
 * Puts a member's own account in a known state for a test of the account actions: the default
 * password, and two-factor off or (with `totpSecret`) pending or on with that secret.
 */
export async function resetAccount(
  memberId: number,
  { totpSecret = null, twoFactorOn = false }: { totpSecret?: string | null; twoFactorOn?: boolean } = {},
) {
  await db
    .update(members)
    .set({
      passwordHash: await hashPassword(DEFAULT_MEMBER_PASSWORD),
      totpSecret,
      totpEnabledAt: twoFactorOn ? new Date() : null,
      totpLastStep: null,
      recoveryCodeHashes: [],
    })
    .where(eq(members.id, memberId));
}

/** An open invitation (its token unknown: only for revoking or listing). */
export async function createInvitation() {
  const [invitation] = await db
    .insert(memberInvitations)
    .values({
      email: `invited-${unique()}@example.test`,
      name: "Invited",
      role: "viewer",
      tokenHash: `hash-${unique()}`,
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning();
  return invitation;
}
