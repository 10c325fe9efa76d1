import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import {
  advocateAsks,
  communityActivities,
  customers,
  delightMoments,
  interactions,
  interactionTypes,
  ledgerDays,
  milestoneChanges,
  outreachMessages,
  revenueMovements,
  roleAssignments,
  subscriptions,
  tasks,
} from "@/db/schema";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import { eraseCustomerSchema } from "@/lib/validation/customers";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { refreshRisk } from "@/server/risk/refresh";
import { lockCustomer } from "./lock";

/** GDPR article 15: everything Hourglass stores about one customer, as one JSON document. */
export async function exportCustomerData(db: Queryable, customerId: number) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) return undefined;
  const of = <T extends { customerId: unknown }>(table: T) => eq(table.customerId as never, customerId);
  const [
    customerInteractions,
    milestones,
    delight,
    community,
    asks,
    roles,
    customerTasks,
    outreach,
    customerSubscriptions,
    movements,
  ] = await Promise.all([
    db
      .select({
        id: interactions.id,
        type: interactionTypes.key,
        occurredAt: interactions.occurredAt,
        recordedAt: interactions.recordedAt,
        direction: interactions.direction,
        channel: interactions.channel,
        summary: interactions.summary,
        weightOverride: interactions.weightOverride,
        source: interactions.source,
        externalId: interactions.externalId,
      })
      .from(interactions)
      .innerJoin(interactionTypes, eq(interactionTypes.id, interactions.typeId))
      .where(eq(interactions.customerId, customerId))
      .orderBy(asc(interactions.occurredAt), asc(interactions.id)),
    db.select().from(milestoneChanges).where(of(milestoneChanges)).orderBy(asc(milestoneChanges.id)),
    db.select().from(delightMoments).where(of(delightMoments)).orderBy(asc(delightMoments.id)),
    db.select().from(communityActivities).where(of(communityActivities)).orderBy(asc(communityActivities.id)),
    db.select().from(advocateAsks).where(of(advocateAsks)).orderBy(asc(advocateAsks.id)),
    db.select().from(roleAssignments).where(of(roleAssignments)),
    db.select().from(tasks).where(of(tasks)).orderBy(asc(tasks.id)),
    db.select().from(outreachMessages).where(of(outreachMessages)).orderBy(asc(outreachMessages.id)),
    db.select().from(subscriptions).where(of(subscriptions)).orderBy(asc(subscriptions.id)),
    db.select().from(revenueMovements).where(of(revenueMovements)).orderBy(asc(revenueMovements.id)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    customer,
    interactions: customerInteractions,
    milestoneChanges: milestones,
    delightMoments: delight,
    communityActivities: community,
    advocateAsks: asks,
    advocateRoles: roles,
    tasks: customerTasks,
    outreachMessages: outreach,
    subscriptions: customerSubscriptions,
    revenueMovements: movements,
  };
}

/**
 * GDPR article 17: erases a customer in one transaction. What they did and said goes (interactions,
 * delight, community, asks, roles, tasks, outreach, the daily ledger), their personal fields are
 * blanked, and any notification, queued message or audit entry that names them loses its content.
 * The record stays as "Erased customer N" with its milestone history and revenue, so the journey's
 * counts and the revenue bridge still add up; its ledger is empty, as its interactions are.
 */
export const eraseCustomer = defineAction({
  permission: "customers.privacy",
  schema: eraseCustomerSchema,
  async run(input, { member, tx }) {
    const customer = await lockCustomer(tx, input.customerId);
    if (input.confirmName !== customer.name)
      throw new ValidationError(message("customers.nameMismatch"), {
        confirmName: [message("customers.typeNameExactly", { name: customer.name })],
      });
    const id = customer.id;
    // What identifies them, to find it wherever it was copied (notifications, jobs, the audit log).
    const marks = [customer.name, customer.email, customer.externalId].filter(
      (mark): mark is string => typeof mark === "string" && mark.length > 0,
    );
    const mentions = (column: ReturnType<typeof sql>) =>
      sql`(${sql.join(
        marks.map((mark) => sql`strpos(lower(${column}), lower(${mark})) > 0`),
        sql` or `,
      )})`;

    await tx.delete(delightMoments).where(eq(delightMoments.customerId, id));
    await tx.delete(interactions).where(eq(interactions.customerId, id));
    await tx.delete(ledgerDays).where(eq(ledgerDays.customerId, id));
    await tx.delete(communityActivities).where(eq(communityActivities.customerId, id));
    await tx.delete(advocateAsks).where(eq(advocateAsks.customerId, id));
    await tx.delete(roleAssignments).where(eq(roleAssignments.customerId, id));
    await tx.delete(outreachMessages).where(eq(outreachMessages.customerId, id));
    await tx.delete(tasks).where(eq(tasks.customerId, id));
    await tx.execute(sql`delete from playbook_matches where customer_id = ${id}`);
    await tx.execute(
      sql`delete from notifications where href like ${`/customers/${id}%`} or ${mentions(sql`title || ' ' || coalesce(body, '')`)}`,
    );
    await tx.execute(sql`delete from jobs where ${mentions(sql`payload::text`)}`);
    await tx.execute(sql`delete from webhook_deliveries where ${mentions(sql`payload::text`)}`);
    await tx.execute(
      sql`update audit_log set before = null, after = null
          where (entity_type = 'customer' and entity_id = ${String(id)})
             or ${mentions(sql`coalesce(before::text, '') || ' ' || coalesce(after::text, '')`)}`,
    );
    await tx
      .update(customers)
      .set({
        name: `Erased customer ${id}`,
        email: null,
        company: null,
        externalId: null,
        churnReason: null,
        creditAcc: 0,
        debtAcc: 0,
        lastInboundAt: null,
        lastOutboundAt: null,
        shadowRiskScore: null,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, id));
    // Other customers' records that name them (a referral's note, a summary) keep their facts, not the name.
    // Their updated_at moves too: what was read from their interactions (the risk list's reasons) is stale.
    await tx.execute(
      sql`with blanked as (update interactions set summary = '' where ${mentions(sql`summary`)} returning customer_id)
          update customers set updated_at = now() where id in (select customer_id from blanked)`,
    );
    await tx.execute(sql`update community_activities set note = '' where ${mentions(sql`note`)}`);
    await tx.execute(sql`update advocate_asks set note = '' where ${mentions(sql`note`)}`);
    await tx.execute(sql`update tasks set note = '' where ${mentions(sql`note`)}`);
    // Risk from what is left: no activity, an empty ledger.
    await refreshRisk(tx, { customerIds: [id] });
    await recordAudit(tx, member, {
      action: "customer.erased",
      entityType: "customer",
      entityId: id,
      after: { erased: true },
    });
    return { message: message("done.customers.erased", { id }) };
  },
});
