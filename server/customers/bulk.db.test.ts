import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { customers, playbooks, tasks } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import { BULK_CUSTOMER_LIMIT } from "@/lib/bulk-customers";
import { executeAction } from "@/server/actions/execute";
import { logInteraction } from "@/server/ledger/commands";
import { getSettings } from "@/server/settings/queries";
import { asSessionMember, createCustomer, createMember, createTask, writeFingerprint } from "@/testing/factories";
import { ledgerDrift } from "@/testing/ledger-check";
import { bulkAddToPlaybook, bulkChangeOwner, bulkLogInteraction, bulkSetMilestone } from "./bulk-commands";
import { listCustomers } from "./queries";

let admin: SessionMember;
let manager: SessionMember;
let csm: SessionMember;
let otherCsm: SessionMember;
let viewer: SessionMember;

beforeAll(async () => {
  admin = asSessionMember(await createMember({ role: "admin", name: "Ada Admin" }));
  manager = asSessionMember(await createMember({ role: "manager", name: "Mona Manager" }));
  csm = asSessionMember(await createMember({ role: "csm", name: "Cora CSM" }));
  otherCsm = asSessionMember(await createMember({ role: "csm", name: "Otto CSM" }));
  viewer = asSessionMember(await createMember({ role: "viewer", name: "Vic Viewer" }));
});

let batch = 0;
/** `count` customers in one insert, all with a company no other test uses (a search finds exactly them). */
async function createCustomers(
  count: number,
  values: (index: number) => Partial<typeof customers.$inferInsert> = () => ({}),
) {
  const company = `Bulk ${Date.now().toString(36)}${(batch++).toString(36)}`;
  const rows = await db
    .insert(customers)
    .values(
      Array.from({ length: count }, (_, index) => ({
        name: `${company} customer ${index + 1}`,
        company,
        plan: "growth",
        ...values(index),
      })),
    )
    .returning({ id: customers.id });
  return { company, ids: rows.map((row) => row.id).sort((a, b) => a - b) };
}

const idList = (ids: readonly number[]) => ids.join(",");
const idArray = (ids: readonly number[]) => `{${ids.join(",")}}`;

async function auditRows(actor: SessionMember, action: string) {
  return queryRows<{ entity_type: string; after: { count: number; customerIds: number[] } }>(
    db,
    sql`select entity_type, after from audit_log where actor_id = ${actor.id} and action = ${action}`,
  );
}

const outage = {
  typeKey: "outage",
  channel: "in_app",
  direction: "inbound",
  summary: "Checkout down for two hours",
  weight: "",
};

describe("bulk log interaction", () => {
  it("bulk log interaction on 300 customers: 300 interactions, each balance = −2·1 (independent SQL over interaction rows), one audit row", async () => {
    const { ids, company } = await createCustomers(300);
    const result = await executeAction(bulkLogInteraction, csm, {
      list: "customers",
      customerIds: idList(ids),
      ...outage,
      occurredAt: new Date().toISOString(),
    });
    expect(result).toMatchObject({ ok: true, message: "Outage logged on 300 customers." });

    const [{ count }] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from interactions i join interaction_types t on t.id = i.type_id
        where t.key = 'outage' and i.actor_id = ${csm.id} and i.customer_id = any(${idArray(ids)}::int[])`,
    );
    expect(count).toBe(300);
    // Independent: each customer's balance straight from its interaction rows, Σ w·2^(−age/90 d).
    const raw = await queryRows<{ id: number; balance: number }>(
      db,
      sql`select c.id, coalesce(sum(coalesce(i.weight_override, t.default_weight)
            * power(2, -extract(epoch from now() - i.occurred_at) / 86400 / 90)), 0)::float8 as balance
          from customers c left join interactions i on i.customer_id = c.id left join interaction_types t on t.id = i.type_id
          where c.id = any(${idArray(ids)}::int[]) group by c.id`,
    );
    expect(raw).toHaveLength(300);
    for (const row of raw) expect(row.balance).toBeCloseTo(-2, 4);
    // What the customers list shows for them is that balance.
    const listed = await listCustomers(db, { q: company, sort: "name", direction: "asc", page: 1, pageSize: 500 });
    expect(listed.total).toBe(300);
    for (const row of listed.rows) expect(Number(row.balance)).toBeCloseTo(-2, 4);
    expect(await ledgerDrift(ids)).toEqual({ days: expect.closeTo(0, 9), accumulators: expect.closeTo(0, 9) });

    const audits = await auditRows(csm, "interactions.logged");
    expect(audits).toHaveLength(1);
    expect(audits[0].after.count).toBe(300);
    expect([...audits[0].after.customerIds].sort((a, b) => a - b)).toEqual(ids);
    expect(await auditRows(csm, "interaction.logged")).toHaveLength(0);
  });

  it("bulk log interaction scores risk and fires playbooks exactly as logging it on one customer", async () => {
    const [playbook] = await db
      .insert(playbooks)
      .values({
        name: "Outage follow-up",
        trigger: "debit_logged",
        triggerTypeKey: "outage",
        taskTitle: "Call {{customer}}",
      })
      .returning();
    const paying = { convertedAt: new Date(Date.now() - 200 * 86_400_000), lastInboundAt: new Date() };
    const { ids } = await createCustomers(20, () => paying);
    const single = await createCustomer({ ...paying, name: "Logged one by one" });
    const occurredAt = new Date().toISOString();
    expect(
      await executeAction(bulkLogInteraction, manager, {
        list: "risk",
        customerIds: idList(ids),
        ...outage,
        occurredAt,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await executeAction(logInteraction, manager, { customerId: String(single.id), ...outage, occurredAt }),
    ).toMatchObject({ ok: true });
    const scored = await queryRows<{ id: number; risk_score: number; playbook_tasks: number }>(
      db,
      sql`select c.id, c.risk_score, (select count(*)::int from tasks k where k.customer_id = c.id and k.playbook_id = ${playbook.id}) as playbook_tasks
        from customers c where c.id = any(${idArray([...ids, single.id])}::int[])`,
    );
    const reference = scored.find((row) => row.id === single.id);
    expect(reference?.risk_score).toBeGreaterThan(0);
    expect(reference?.playbook_tasks).toBe(1);
    for (const row of scored) {
      expect(row.risk_score).toBeCloseTo(reference?.risk_score ?? NaN, 6);
      expect(row.playbook_tasks).toBe(1);
    }
    await db
      .update(playbooks)
      .set({ active: false })
      .where(sql`${playbooks.id} = ${playbook.id}`);
  });

  it("bulk log interaction sent twice with the same request key is logged once", async () => {
    const { ids } = await createCustomers(3);
    const input = {
      list: "customers",
      customerIds: idList(ids),
      ...outage,
      occurredAt: new Date().toISOString(),
      requestKey: "ab".repeat(16),
    };
    expect(await executeAction(bulkLogInteraction, csm, input)).toMatchObject({ ok: true });
    expect(await executeAction(bulkLogInteraction, csm, input)).toMatchObject({
      ok: true,
      message: "Already logged: this interaction was saved before.",
    });
    const [{ count }] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from interactions where customer_id = any(${idArray(ids)}::int[])`,
    );
    expect(count).toBe(3);
  });
});

describe("bulk change owner", () => {
  it("bulk change owner on 120 customers: 117 change (independent SQL count), 3 already had the owner, one audit row", async () => {
    const { ids } = await createCustomers(120, (index) => ({ ownerId: index < 3 ? otherCsm.id : csm.id }));
    const result = await executeAction(bulkChangeOwner, manager, {
      list: "risk",
      customerIds: idList(ids),
      ownerId: String(otherCsm.id),
    });
    expect(result).toMatchObject({
      ok: true,
      message: "Owner changed on 117 customers. 3 customers already had that owner.",
    });
    const [counts] = await queryRows<{ theirs: number; others: number }>(
      db,
      sql`select count(*) filter (where owner_id = ${otherCsm.id})::int as theirs,
        count(*) filter (where owner_id is distinct from ${otherCsm.id})::int as others
        from customers where id = any(${idArray(ids)}::int[])`,
    );
    expect(counts).toEqual({ theirs: 120, others: 0 });
    const audits = await auditRows(manager, "customers.owner_changed");
    expect(audits).toHaveLength(1);
    expect(audits[0].after.count).toBe(117);
    expect(audits[0].after.customerIds).toEqual(ids.slice(3));
  });

  it("bulk change owner to nobody clears the owner; an unknown or deactivated member is refused and writes nothing", async () => {
    const { ids } = await createCustomers(4, () => ({ ownerId: csm.id }));
    const former = await createMember({ role: "csm", active: false });
    const before = await writeFingerprint();
    for (const ownerId of [String(former.id), "2147483647"]) {
      const refused = await executeAction(bulkChangeOwner, manager, {
        list: "customers",
        customerIds: idList(ids),
        ownerId,
      });
      expect(refused).toMatchObject({
        ok: false,
        fieldErrors: { ownerId: ["Choose an active team member as owner."] },
      });
    }
    const missing = await executeAction(bulkChangeOwner, manager, { list: "customers", customerIds: idList(ids) });
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { ownerId: ["Choose the new owner from the list, or nobody."] },
    });
    expect(await writeFingerprint()).toEqual(before);
    expect(
      await executeAction(bulkChangeOwner, manager, { list: "customers", customerIds: idList(ids), ownerId: "" }),
    ).toMatchObject({ ok: true, message: "Owner changed on 4 customers." });
    const [{ owned }] = await queryRows<{ owned: number }>(
      db,
      sql`select count(owner_id)::int as owned from customers where id = any(${idArray(ids)}::int[])`,
    );
    expect(owned).toBe(0);
  });
});

describe("bulk set milestone", () => {
  it("bulk set milestone to 9 on 50 customers: 48 moved from 5 (50 − 2 already at 9), 48 history rows, one audit row", async () => {
    const { ids } = await createCustomers(50, (index) => ({
      milestone: index < 2 ? 9 : 5,
      peakMilestone: index < 2 ? 9 : 5,
    }));
    const result = await executeAction(bulkSetMilestone, csm, {
      list: "customers",
      customerIds: idList(ids),
      milestone: "9",
      reason: "Onboarding webinar attended",
    });
    expect(result).toMatchObject({
      ok: true,
      message: "Milestone set to Activated on 48 customers. 2 customers already were there.",
    });
    const [counts] = await queryRows<{ at9: number; history: number; converted: number }>(
      db,
      sql`select (select count(*)::int from customers where id = any(${idArray(ids)}::int[]) and milestone = 9 and peak_milestone = 9) as at9,
        (select count(*)::int from milestone_changes where customer_id = any(${idArray(ids)}::int[])
          and from_milestone = 5 and to_milestone = 9 and reason = 'Onboarding webinar attended' and actor_id = ${csm.id}) as history,
        (select count(*)::int from customers where id = any(${idArray(ids)}::int[]) and converted_at is not null) as converted`,
    );
    expect(counts).toEqual({ at9: 50, history: 48, converted: 48 });
    const audits = await auditRows(csm, "customers.milestone_set");
    expect(audits).toHaveLength(1);
    expect(audits[0].after.count).toBe(48);
  });

  it("bulk set milestone where every customer is already there, or to milestone 14, writes nothing", async () => {
    const { ids } = await createCustomers(3, () => ({ milestone: 4 }));
    const before = await writeFingerprint();
    const same = await executeAction(bulkSetMilestone, csm, {
      list: "customers",
      customerIds: idList(ids),
      milestone: "4",
      reason: "Again",
    });
    expect(same).toMatchObject({
      ok: false,
      fieldErrors: { milestone: ["All 3 customers are already at Subscribed."] },
    });
    const unknown = await executeAction(bulkSetMilestone, csm, {
      list: "customers",
      customerIds: idList(ids),
      milestone: "14",
      reason: "Beyond the ladder",
    });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { milestone: ["Choose a milestone."] } });
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("bulk add to a playbook", () => {
  it("bulk add to a playbook: 10 selected, 3 with its open task skipped, 7 tasks from the template (title merged, checklist, due in 4 days, owner, priority)", async () => {
    const [playbook] = await db
      .insert(playbooks)
      .values({
        name: `Outage care ${Date.now().toString(36)}`,
        trigger: "risk_at_risk",
        active: false,
        taskTitle: "Call {{customer}} about the outage",
        checklist: ["Apologise", "Offer a credit"],
        dueInDays: 4,
        priority: "high",
      })
      .returning();
    const { ids } = await createCustomers(10, () => ({ ownerId: otherCsm.id }));
    for (const customerId of ids.slice(0, 3))
      await createTask({ customerId, playbookId: playbook.id, source: "playbook" });
    const result = await executeAction(bulkAddToPlaybook, csm, {
      list: "customers",
      customerIds: idList(ids),
      playbookId: String(playbook.id),
    });
    expect(result).toMatchObject({
      ok: true,
      message: `7 customers added to “${playbook.name}”: a task each. 3 customers already had its open task and were skipped.`,
    });
    const created = await db
      .select()
      .from(tasks)
      .where(sql`${tasks.playbookId} = ${playbook.id} and ${tasks.createdById} = ${csm.id}`);
    expect(created.map((task) => task.customerId).sort((a, b) => a - b)).toEqual(ids.slice(3));
    const [{ due }] = await queryRows<{ due: string }>(
      db,
      sql`select ((now() at time zone 'UTC')::date + 4)::text as due`,
    );
    const names = await queryRows<{ id: number; name: string }>(
      db,
      sql`select id, name from customers where id = any(${idArray(ids)}::int[])`,
    );
    for (const task of created) {
      expect(task).toMatchObject({
        title: `Call ${names.find((row) => row.id === task.customerId)?.name} about the outage`,
        checklist: [
          { text: "Apologise", done: false },
          { text: "Offer a credit", done: false },
        ],
        dueOn: due,
        assigneeId: otherCsm.id,
        priority: "high",
        source: "playbook",
        status: "open",
      });
    }
    const [{ open }] = await queryRows<{ open: number }>(
      db,
      sql`select count(*)::int as open from tasks where playbook_id = ${playbook.id} and status = 'open'`,
    );
    expect(open).toBe(10);
    const audits = await auditRows(csm, "customers.playbook_started");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity_type: "playbook", after: { count: 7, customerIds: ids.slice(3) } });
  });

  it("bulk add to a playbook that does not exist is refused and writes nothing", async () => {
    const { ids } = await createCustomers(2);
    const before = await writeFingerprint();
    const result = await executeAction(bulkAddToPlaybook, csm, {
      list: "customers",
      customerIds: idList(ids),
      playbookId: "2147483647",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { playbookId: ["Choose a playbook from the list."] } });
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("select all matching the filters", () => {
  it("select all matching on /customers resolves the same customers as the list's filter (independent SQL where clause): 40 of 70", async () => {
    const { company, ids } = await createCustomers(70, (index) => ({
      plan: index % 2 === 0 ? "enterprise" : "growth",
      status: index % 7 === 0 ? "churned" : "active",
      milestone: index < 60 ? 8 : 3,
    }));
    const filters = new URLSearchParams({ q: company.toLowerCase(), plan: "enterprise", status: "active" }).toString();
    const expected = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where company = ${company} and plan = 'enterprise' and status = 'active' order by id`,
    );
    const listed = await listCustomers(db, {
      q: company,
      plan: "enterprise",
      status: "active",
      sort: "name",
      direction: "asc",
      page: 1,
      pageSize: 50,
    });
    expect(listed.total).toBe(expected.length);
    const result = await executeAction(bulkChangeOwner, admin, {
      list: "customers",
      scope: "matching",
      filters,
      expected: String(expected.length),
      ownerId: String(otherCsm.id),
    });
    expect(result).toMatchObject({ ok: true, message: `Owner changed on ${expected.length} customers.` });
    const owned = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where id = any(${idArray(ids)}::int[]) and owner_id = ${otherCsm.id} order by id`,
    );
    expect(owned).toEqual(expected);
  });

  it("select all matching on /risk reads the risk list's filters, and a CSM's list without an owner is their own (independent SQL)", async () => {
    const { risk } = await getSettings(db, ["risk"]);
    const at = risk.atRiskScore;
    const { ids } = await createCustomers(12, (index) => ({
      ownerId: index < 8 ? csm.id : otherCsm.id,
      riskScore: index % 4 === 0 ? at / 2 : at + 5,
      plan: index % 3 === 0 ? "starter" : "growth",
      // Only these customers have this MRR: the CSM's customers from other tests stay out of the filter.
      mrrCents: 4_999_900,
    }));
    const expected = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where id = any(${idArray(ids)}::int[]) and owner_id = ${csm.id}
        and status = 'active' and risk_score >= ${at} and plan = 'growth' order by id`,
    );
    const result = await executeAction(bulkSetMilestone, csm, {
      list: "risk",
      scope: "matching",
      filters: "plan=growth&minMrr=49999",
      expected: String(expected.length),
      milestone: "10",
      reason: "Renewed after the outage",
    });
    expect(result, result.message).toMatchObject({ ok: true });
    const moved = await queryRows<{ id: number }>(
      db,
      sql`select id from customers where id = any(${idArray(ids)}::int[]) and milestone = 10 order by id`,
    );
    expect(moved).toEqual(expected);
  });

  it("select all matching refuses, writing nothing, when the list no longer has the number the person saw", async () => {
    const { company } = await createCustomers(5);
    const before = await writeFingerprint();
    const result = await executeAction(bulkLogInteraction, csm, {
      list: "customers",
      scope: "matching",
      filters: `q=${encodeURIComponent(company)}`,
      expected: "4",
      ...outage,
      occurredAt: new Date().toISOString(),
    });
    expect(result).toEqual({
      ok: false,
      message:
        "The list changed since you loaded it: 5 customers match its filters now, not 4. Reload the page and try again; nothing was changed.",
      fieldErrors: {},
    });
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("refusals write nothing", () => {
  it("nothing selected, too many (5,001), a deleted customer, a bad date, an unknown type: each refused with its message", async () => {
    const { ids } = await createCustomers(2);
    const valid = { list: "customers", customerIds: idList(ids), ...outage, occurredAt: new Date().toISOString() };
    const tooMany = Array.from({ length: BULK_CUSTOMER_LIMIT + 1 }, (_, index) => index + 1).join(",");
    const before = await writeFingerprint();
    const cases: [Record<string, string>, { message?: string; fieldErrors?: Record<string, string[]> }][] = [
      [{ customerIds: "" }, { fieldErrors: { customerIds: ["Select at least one customer."] } }],
      [
        { customerIds: tooMany },
        {
          fieldErrors: {
            customerIds: [
              "5,001 customers are selected; a bulk action takes at most 5,000 at a time. Narrow the filters and act in parts.",
            ],
          },
        },
      ],
      [
        { customerIds: "1,x" },
        { fieldErrors: { customerIds: ["The selection is out of date; reload the page and select again."] } },
      ],
      [
        { customerIds: `${ids[0]},2147483647` },
        { message: "A selected customer was not found. It may have been deleted." },
      ],
      [{ occurredAt: "2026-02-30T10:00:00Z" }, { fieldErrors: { occurredAt: ["February 2026 has no day 30."] } }],
      [{ typeKey: "meteor_strike" }, { fieldErrors: { typeKey: ["Choose a type from the list."] } }],
      [{ list: "tasks" }, { fieldErrors: { list: ["Choose the list the customers were selected on."] } }],
    ];
    for (const [overrides, refusal] of cases) {
      const result = await executeAction(bulkLogInteraction, csm, { ...valid, ...overrides });
      expect(result, JSON.stringify(overrides).slice(0, 80)).toMatchObject({ ok: false, ...refusal });
    }
    expect(await writeFingerprint()).toEqual(before);
  });

  it("a viewer is refused every bulk action with the role message; a CSM may do each, as on one customer's page", async () => {
    const { ids } = await createCustomers(2);
    const [playbook] = await db
      .insert(playbooks)
      .values({ name: "Role check", trigger: "silence", active: false, taskTitle: "Call" })
      .returning();
    const inputs = [
      [bulkChangeOwner, { ownerId: String(csm.id) }],
      [bulkSetMilestone, { milestone: "6", reason: "Proposal sent" }],
      [bulkAddToPlaybook, { playbookId: String(playbook.id) }],
      [bulkLogInteraction, { ...outage, occurredAt: new Date().toISOString() }],
    ] as const;
    const before = await writeFingerprint();
    for (const [definition, fields] of inputs) {
      const result = await executeAction(definition as typeof bulkChangeOwner, viewer, {
        list: "customers",
        customerIds: idList(ids),
        ...fields,
      });
      expect(result).toEqual({ ok: false, message: "Your role does not allow this. Ask an admin if you need it." });
    }
    expect(await writeFingerprint()).toEqual(before);
    for (const [definition, fields] of inputs) {
      const result = await executeAction(definition as typeof bulkChangeOwner, csm, {
        list: "customers",
        customerIds: idList(ids),
        ...fields,
      });
      expect(result, result.message).toMatchObject({ ok: true });
    }
  });
});
