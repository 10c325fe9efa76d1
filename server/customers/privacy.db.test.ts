import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers, members } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { seedDemo } from "@/server/demo/seed";
import { asSessionMember, writeFingerprint } from "@/testing/factories";
import { eraseCustomer, exportCustomerData } from "./privacy";

const NAME = "Zelda Quartermaine-Erasetest";
const EMAIL = "zelda.erasetest@example.test";
const EXTERNAL_ID = "crm-erasetest-1";
let admin: SessionMember;
let manager: SessionMember;
let customerId: number;

const member = async (role: "admin" | "manager") =>
  asSessionMember((await db.select().from(members).where(eq(members.role, role)).limit(1))[0]);

/** Rows in every table whose text holds any of the marks: plain SQL over the whole database. */
async function rowsMentioning(marks: string[]): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ count }] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${sql.identifier(name)} t where ${sql.join(
        marks.map((mark) => sql`strpos(lower(t::text), lower(${mark})) > 0`),
        sql` or `,
      )}`,
    );
    if (count > 0) found[name] = count;
  }
  return found;
}

beforeAll(async () => {
  await seedDemo({ customers: 300, seed: 7, now: new Date("2026-11-30T00:00:00Z") });
  admin = await member("admin");
  manager = await member("manager");
  // The customer with the most kinds of records: interactions, delight, community, asks, tasks, revenue.
  const [richest] = await queryRows<{ id: number }>(
    db,
    sql`select c.id from customers c order by
          (select count(*) > 0 from interactions i where i.customer_id = c.id)::int
          + (select count(*) > 0 from delight_moments d where d.customer_id = c.id)::int
          + (select count(*) > 0 from community_activities a where a.customer_id = c.id)::int
          + (select count(*) > 0 from advocate_asks a where a.customer_id = c.id)::int
          + (select count(*) > 0 from subscriptions s where s.customer_id = c.id)::int desc,
          (select count(*) from interactions i where i.customer_id = c.id) desc
        limit 1`,
  );
  customerId = richest.id;
  await db
    .update(customers)
    .set({ name: NAME, email: EMAIL, externalId: EXTERNAL_ID })
    .where(eq(customers.id, customerId));
  // Copies of who they are elsewhere: the audit log, a notification, a queued job, another customer's note, a task.
  await recordAudit(db, admin, {
    action: "customer.updated",
    entityType: "customer",
    entityId: customerId,
    after: { name: NAME, email: EMAIL },
  });
  const [other] = await db
    .select()
    .from(customers)
    .where(sql`${customers.id} <> ${customerId}`)
    .limit(1);
  await db.execute(sql`insert into notifications (member_id, key, title, body, href)
    values (${admin.id}, ${`erase-test-${customerId}`}, ${`${NAME} is sliding into debt`}, '', ${`/customers/${customerId}`})`);
  await db.execute(sql`insert into jobs (kind, key, payload)
    values ('webhook', ${`erase-test-${customerId}`}, ${JSON.stringify({ to: EMAIL })}::jsonb)`);
  await db.execute(sql`insert into interactions (customer_id, occurred_at, type_id, direction, summary)
    values (${other.id}, now(), (select id from interaction_types where key = 'praise'), 'inbound', ${`Referred ${NAME}`})`);
  await db.execute(sql`insert into tasks (customer_id, title, due_on, source, note)
    values (${customerId}, ${`Call ${NAME}`}, current_date, 'manual', ${`Ask ${EMAIL} about the renewal`})`);
}, 180_000);

describe("a data subject's requests (GDPR articles 15 and 17)", () => {
  it("the export holds every record of the customer: as many interactions, tasks, delight moments and movements as plain SQL counts", async () => {
    const data = await exportCustomerData(db, customerId);
    const [counts] = await queryRows<Record<string, number>>(
      db,
      sql`select
            (select count(*)::int from interactions where customer_id = ${customerId}) as interactions,
            (select count(*)::int from tasks where customer_id = ${customerId}) as tasks,
            (select count(*)::int from delight_moments where customer_id = ${customerId}) as delight,
            (select count(*)::int from community_activities where customer_id = ${customerId}) as community,
            (select count(*)::int from revenue_movements where customer_id = ${customerId}) as movements,
            (select count(*)::int from milestone_changes where customer_id = ${customerId}) as milestones`,
    );
    expect(data?.customer).toMatchObject({ id: customerId, name: NAME, email: EMAIL });
    expect({
      interactions: data?.interactions.length,
      tasks: data?.tasks.length,
      delight: data?.delightMoments.length,
      community: data?.communityActivities.length,
      movements: data?.revenueMovements.length,
      milestones: data?.milestoneChanges.length,
    }).toEqual(counts);
    expect(counts.interactions).toBeGreaterThan(0);
    expect(await exportCustomerData(db, 999_999_999)).toBeUndefined();
  });

  it("a manager cannot erase, and a mistyped name is refused: nothing written either way", async () => {
    const before = await writeFingerprint();
    const forged = await executeAction(eraseCustomer, manager, { customerId, confirmName: NAME });
    expect(forged.ok).toBe(false);
    const mistyped = await executeAction(eraseCustomer, admin, { customerId, confirmName: "Zelda" });
    expect(mistyped).toMatchObject({ ok: false, fieldErrors: { confirmName: [expect.stringContaining(NAME)] } });
    expect(await writeFingerprint()).toEqual(before);
  });

  it("after erasure no row anywhere mentions their name, email or external id; the journey's counts and revenue still add up", async () => {
    expect(Object.keys(await rowsMentioning([NAME, EMAIL, EXTERNAL_ID])).length).toBeGreaterThanOrEqual(5);
    const aggregates = sql`select
        (select json_object_agg(milestone, n) from (select milestone, count(*) as n from customers group by 1) m) as milestones,
        (select sum(arr_delta_cents)::text from revenue_movements) as revenue,
        (select md5(string_agg(l::text, '|' order by l::text)) from ledger_days l where customer_id <> ${customerId}) as others_ledger`;
    const [before] = await queryRows(db, aggregates);

    const result = await executeAction(eraseCustomer, admin, { customerId, confirmName: NAME });
    expect(result).toMatchObject({ ok: true });

    expect(await rowsMentioning([NAME, EMAIL, EXTERNAL_ID])).toEqual({});
    expect(await queryRows(db, aggregates)).toEqual([before]);
    const [left] = await queryRows<Record<string, number>>(
      db,
      sql`select
            (select count(*)::int from interactions where customer_id = ${customerId}) as interactions,
            (select count(*)::int from ledger_days where customer_id = ${customerId}) as ledger_days,
            (select count(*)::int from delight_moments where customer_id = ${customerId}) as delight,
            (select count(*)::int from tasks where customer_id = ${customerId}) as tasks,
            (select (credit_acc = 0 and debt_acc = 0)::int from customers where id = ${customerId}) as empty_ledger`,
    );
    expect(left).toEqual({ interactions: 0, ledger_days: 0, delight: 0, tasks: 0, empty_ledger: 1 });
    const erased = await queryRows<{ after: unknown }>(
      db,
      sql`select after from audit_log where action = 'customer.erased' and entity_id = ${String(customerId)}`,
    );
    expect(erased).toEqual([{ after: { erased: true } }]);
  });
});
