import { and, eq, ne, sql } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { CONVERTED_MILESTONE } from "@/lib/journey/models";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import {
  changeOwnerSchema,
  churnCustomerSchema,
  createCustomerSchema,
  type CustomerInput,
  reactivateCustomerSchema,
  updateCustomerSchema,
} from "@/lib/validation/customers";
import { type Queryable, queryRows } from "@/db";
import { customers, members, milestoneChanges } from "@/db/schema";
import { type Actor, recordAudit } from "@/server/audit/record";
import { refreshRisk } from "@/server/risk/refresh";
import { endSubscriptions, setCustomerMrr } from "@/server/revenue/engine";
import { lockCustomer } from "./lock";

/** An owner must be an active member (or nobody). */
export async function assertOwner(tx: Queryable, ownerId: number | null) {
  if (ownerId === null) return;
  const [owner] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, ownerId), eq(members.active, true)));
  if (!owner)
    throw new ValidationError(message("customers.unknownOwner"), { ownerId: [message("customers.activeOwner")] });
}

async function assertEmailFree(tx: Queryable, email: string | null, exceptId?: number) {
  if (email === null) return;
  const [taken] = await tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(sql`lower(${customers.email}) = ${email}`, exceptId ? ne(customers.id, exceptId) : undefined))
    .limit(1);
  if (taken)
    throw new ValidationError(message("field.emailInUse"), {
      email: [message("customers.emailTaken", { name: taken.name })],
    });
}

/**
 * Emails a batch (API, CSV import) would give to two customers: one already used by an item
 * matching another customer (`sameAs`: that item's index), or one another customer has. Found
 * before writing, so the unique index never fails a whole batch with a database error.
 */
export async function findEmailConflicts(
  tx: Queryable,
  items: readonly { externalId?: unknown; email?: unknown }[],
): Promise<{ index: number; sameAs?: number }[]> {
  const conflicts: { index: number; sameAs?: number }[] = [];
  const first = new Map<string, { index: number; match: string }>();
  items.forEach((item, index) => {
    if (typeof item.email !== "string" || !item.email) return;
    const email = item.email.toLowerCase();
    const match = typeof item.externalId === "string" ? `external:${item.externalId}` : `email:${email}`;
    const earlier = first.get(email);
    if (!earlier) first.set(email, { index, match });
    else if (earlier.match !== match) conflicts.push({ index, sameAs: earlier.index });
  });
  if (first.size === 0) return conflicts;
  const owners = await queryRows<{ email: string; external_id: string | null }>(
    tx,
    sql`select lower(email) as email, external_id from customers where lower(email) in (select jsonb_array_elements_text(${JSON.stringify([...first.keys()])}::jsonb))`,
  );
  // An item matched by external id may take an email only from the customer it updates.
  items.forEach((item, index) => {
    if (typeof item.email !== "string" || typeof item.externalId !== "string") return;
    const owner = owners.find((o) => o.email === (item.email as string).toLowerCase());
    if (owner && owner.external_id !== item.externalId && !conflicts.some((c) => c.index === index))
      conflicts.push({ index });
  });
  return conflicts.sort((a, b) => a.index - b.index);
}

function columns(input: CustomerInput) {
  return {
    name: input.name,
    email: input.email,
    company: input.company,
    plan: input.plan,
    ownerId: input.ownerId,
  };
}

/**
 * Adds a customer with everything a new customer needs: the milestone it starts at (and its
 * conversion date when that is past the purchase), its first milestone history row, an audit row.
 * Used by the form, the API and referrals.
 */
export async function insertCustomer(
  tx: Queryable,
  {
    actor,
    values,
    history,
  }: {
    actor: Actor;
    values: typeof customers.$inferInsert;
    history: { reason: string; source: "ui" | "api" | "import" };
  },
) {
  const milestone = values.milestone ?? 1;
  const signedUpAt = values.signedUpAt instanceof Date ? values.signedUpAt : new Date();
  const [row] = await tx
    .insert(customers)
    .values({
      ...values,
      milestone,
      peakMilestone: milestone,
      signedUpAt,
      milestoneAt: signedUpAt,
      convertedAt: milestone >= CONVERTED_MILESTONE ? signedUpAt : null,
    })
    .returning();
  await tx.insert(milestoneChanges).values({
    customerId: row.id,
    fromMilestone: null,
    toMilestone: milestone,
    at: signedUpAt,
    actorId: actor.id,
    ...history,
  });
  await recordAudit(tx, actor, { action: "customer.created", entityType: "customer", entityId: row.id, after: row });
  return row;
}

export const createCustomer = defineAction({
  permission: "customers.write",
  schema: createCustomerSchema,
  async run(input, { member, tx }) {
    await assertOwner(tx, input.ownerId);
    await assertEmailFree(tx, input.email);
    const row = await insertCustomer(tx, {
      actor: member,
      values: columns(input),
      history: { reason: "Added by hand", source: "ui" },
    });
    await setCustomerMrr(tx, member, row, input.mrr, row.signedUpAt);
    return { message: message("done.customers.added", { name: row.name }), data: { id: row.id } };
  },
});

export const updateCustomer = defineAction({
  permission: "customers.write",
  schema: updateCustomerSchema,
  async run(input, { member, tx }) {
    const before = await lockCustomer(tx, input.customerId);
    await assertOwner(tx, input.ownerId);
    await assertEmailFree(tx, input.email, before.id);
    await setCustomerMrr(tx, member, { id: before.id, plan: input.plan }, input.mrr, new Date());
    const [after] = await tx
      .update(customers)
      .set({ ...columns(input), updatedAt: sql`now()` })
      .where(eq(customers.id, before.id))
      .returning();
    await recordAudit(tx, member, {
      action: "customer.updated",
      entityType: "customer",
      entityId: before.id,
      before,
      after,
    });
    return { message: message("done.saved", { name: after.name }), data: { id: after.id } };
  },
});

export const changeOwner = defineAction({
  permission: "customers.write",
  schema: changeOwnerSchema,
  async run(input, { member, tx }) {
    const before = await lockCustomer(tx, input.customerId);
    await assertOwner(tx, input.ownerId);
    if (before.ownerId === input.ownerId) return { message: message("done.customers.ownerUnchanged") };
    await tx
      .update(customers)
      .set({ ownerId: input.ownerId, updatedAt: sql`now()` })
      .where(eq(customers.id, before.id));
    await recordAudit(tx, member, {
      action: "customer.owner_changed",
      entityType: "customer",
      entityId: before.id,
      before: { ownerId: before.ownerId },
      after: { ownerId: input.ownerId },
    });
    return { message: message("done.customers.ownerChanged") };
  },
});

export const churnCustomer = defineAction({
  permission: "customers.write",
  schema: churnCustomerSchema,
  async run(input, { member, tx }) {
    const before = await lockCustomer(tx, input.customerId);
    if (before.status === "churned")
      throw new ValidationError(message("customers.alreadyChurned", { name: before.name }));
    const [churned] = await tx
      .update(customers)
      .set({ status: "churned", churnedAt: sql`now()`, churnReason: input.reason, updatedAt: sql`now()` })
      .where(eq(customers.id, before.id))
      .returning();
    await endSubscriptions(tx, member, before.id, churned.churnedAt ?? new Date());
    await refreshRisk(tx, { customerIds: [before.id] });
    await recordAudit(tx, member, {
      action: "customer.churned",
      entityType: "customer",
      entityId: before.id,
      before: { status: before.status },
      after: { status: "churned", reason: input.reason },
    });
    return { message: message("done.customers.churned", { name: before.name }) };
  },
});

export const reactivateCustomer = defineAction({
  permission: "customers.write",
  schema: reactivateCustomerSchema,
  async run(input, { member, tx }) {
    const before = await lockCustomer(tx, input.customerId);
    if (before.status === "active")
      throw new ValidationError(message("customers.alreadyActive", { name: before.name }));
    await tx
      .update(customers)
      .set({ status: "active", churnedAt: null, churnReason: null, updatedAt: sql`now()` })
      .where(eq(customers.id, before.id));
    await refreshRisk(tx, { customerIds: [before.id] });
    await recordAudit(tx, member, {
      action: "customer.reactivated",
      entityType: "customer",
      entityId: before.id,
      before: { status: before.status, churnedAt: before.churnedAt, reason: before.churnReason },
      after: { status: "active" },
    });
    return { message: message("done.customers.reactivated", { name: before.name }) };
  },
});
