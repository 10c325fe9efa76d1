import { and, eq, sql } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import type { Channel } from "@/lib/channels";
import { NotFoundError, ValidationError, ForbiddenError } from "@/lib/errors";
import { contribution, type HalfLives } from "@/lib/ledger";
import { deleteInteractionSchema, editInteractionSchema, logInteractionSchema } from "@/lib/validation/interactions";
import type { Queryable } from "@/db";
import { getSettings } from "@/server/settings/queries";
import { customers, interactions, interactionTypes } from "@/db/schema";
import { type Actor, recordAudit } from "@/server/audit/record";
import { addToLedgerDay } from "./ledger-days";
import { moveMilestone } from "@/server/journey/milestones";
import { refreshRisk } from "@/server/risk/refresh";

const EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

async function lockCustomer(tx: Queryable, customerId: number) {
  const [customer] = await tx
    .select({ id: customers.id, milestone: customers.milestone })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for("update");
  if (!customer) throw new NotFoundError("The customer");
  return customer;
}

async function findType(tx: Queryable, key: string) {
  const [type] = await tx.select().from(interactionTypes).where(eq(interactionTypes.key, key)).limit(1);
  if (!type) throw new ValidationError("Unknown interaction type.", { typeKey: ["Choose a type from the list."] });
  return type;
}

/** Adds (sign +1) or removes (sign −1) one interaction's effect on its customer's ledger. */
async function applyToLedger(
  tx: Queryable,
  customerId: number,
  weight: number,
  at: Date,
  halfLives: HalfLives,
  sign: 1 | -1,
) {
  const delta = contribution(weight, at, halfLives);
  if (delta.creditAcc === 0 && delta.debtAcc === 0) return;
  await tx
    .update(customers)
    .set({
      creditAcc: sql`${customers.creditAcc} + ${sign * delta.creditAcc}`,
      debtAcc: sql`${customers.debtAcc} + ${sign * delta.debtAcc}`,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, customerId));
  await addToLedgerDay(tx, customerId, at, delta, sign);
}

/** Last inbound / outbound activity, read back from the timeline index after an edit or delete. */
async function refreshLastActivity(tx: Queryable, customerId: number) {
  const latest = (direction: "inbound" | "outbound") =>
    sql`(select max(${interactions.occurredAt}) from ${interactions} where ${interactions.customerId} = ${customerId} and ${interactions.direction} = ${direction})`;
  await tx
    .update(customers)
    .set({ lastInboundAt: latest("inbound"), lastOutboundAt: latest("outbound") })
    .where(eq(customers.id, customerId));
}

async function advanceByType(
  tx: Queryable,
  customer: { id: number; milestone: number },
  type: { impliesMilestone: number | null; label: string },
  at: Date,
  actorId: number | null,
  interactionId: number,
  source: "ui" | "api" | "import" = "ui",
) {
  if (type.impliesMilestone === null || type.impliesMilestone <= customer.milestone) return;
  await moveMilestone(tx, {
    customerId: customer.id,
    from: customer.milestone,
    to: type.impliesMilestone,
    at,
    actorId,
    reason: `Logged: ${type.label}`,
    source,
    interactionId,
  });
}

export type NewInteraction = {
  customerId: number;
  typeKey: string;
  occurredAt: Date;
  weight: number | null;
  channel: Channel;
  direction: "inbound" | "outbound";
  summary: string;
  source?: "ui" | "api" | "import";
  externalId?: string;
  payloadHash?: string;
};

/**
 * Books one interaction with everything it implies, inside the caller's transaction: the
 * customer's ledger, last activity, milestone (forward only), risk score and an audit row.
 * Logging, delight moments and community activity all go through here.
 */
export async function recordInteraction(tx: Queryable, actor: Actor, input: NewInteraction) {
  const customer = await lockCustomer(tx, input.customerId);
  const type = await findType(tx, input.typeKey);
  const { ledger } = await getSettings(["ledger"], tx);
  const [row] = await tx
    .insert(interactions)
    .values({
      customerId: customer.id,
      occurredAt: input.occurredAt,
      typeId: type.id,
      weightOverride: input.weight,
      channel: input.channel,
      direction: input.direction,
      summary: input.summary,
      actorId: actor.id,
      source: input.source ?? "ui",
      externalId: input.externalId,
      payloadHash: input.payloadHash,
    })
    .returning();
  await applyToLedger(tx, customer.id, input.weight ?? type.defaultWeight, input.occurredAt, ledger, 1);
  const at = input.occurredAt.toISOString();
  await tx
    .update(customers)
    .set(
      input.direction === "inbound"
        ? { lastInboundAt: sql`greatest(${customers.lastInboundAt}, ${at}::timestamptz)` }
        : { lastOutboundAt: sql`greatest(${customers.lastOutboundAt}, ${at}::timestamptz)` },
    )
    .where(eq(customers.id, customer.id));
  await advanceByType(tx, customer, type, input.occurredAt, actor.id, row.id, input.source);
  await refreshRisk(tx, [customer.id]);
  await recordAudit(tx, actor, {
    action: "interaction.logged",
    entityType: "interaction",
    entityId: row.id,
    after: row,
  });
  return { interaction: row, type };
}

export const logInteraction = defineAction({
  permission: "interactions.write",
  schema: logInteractionSchema,
  async run({ requestKey, ...input }, { member, tx }) {
    if (requestKey) {
      const [saved] = await tx
        .select({ id: interactions.id })
        .from(interactions)
        .where(and(eq(interactions.source, "ui"), eq(interactions.externalId, requestKey)));
      if (saved) return { message: "Already logged: this interaction was saved before.", data: { id: saved.id } };
    }
    const { interaction, type } = await recordInteraction(tx, member, { ...input, externalId: requestKey });
    return { message: `${type.label} logged.`, data: { id: interaction.id } };
  },
});

async function loadOwnInteraction(tx: Queryable, interactionId: number, member: { id: number; role: string }) {
  const [row] = await tx
    .select({ interaction: interactions, type: interactionTypes })
    .from(interactions)
    .innerJoin(interactionTypes, eq(interactionTypes.id, interactions.typeId))
    .where(eq(interactions.id, interactionId))
    .limit(1);
  if (!row) throw new NotFoundError("The interaction");
  const recent = Date.now() - row.interaction.createdAt.getTime() <= EDIT_WINDOW_MS;
  if (member.role !== "admin" && !(row.interaction.actorId === member.id && recent)) {
    throw new ForbiddenError(
      "interactions.write",
      "You can edit or delete only interactions you logged in the last 24 hours. An admin can change older ones.",
    );
  }
  return row;
}

export const editInteraction = defineAction({
  permission: "interactions.write",
  schema: editInteractionSchema,
  async run(input, { member, tx }) {
    const existing = await loadOwnInteraction(tx, input.interactionId, member);
    const customer = await lockCustomer(tx, existing.interaction.customerId);
    const type = await findType(tx, input.typeKey);
    const { ledger } = await getSettings(["ledger"], tx);
    const before = existing.interaction;
    await applyToLedger(
      tx,
      customer.id,
      before.weightOverride ?? existing.type.defaultWeight,
      before.occurredAt,
      ledger,
      -1,
    );
    const [after] = await tx
      .update(interactions)
      .set({
        typeId: type.id,
        occurredAt: input.occurredAt,
        weightOverride: input.weight,
        channel: input.channel,
        direction: input.direction,
        summary: input.summary,
      })
      .where(eq(interactions.id, before.id))
      .returning();
    await applyToLedger(tx, customer.id, input.weight ?? type.defaultWeight, input.occurredAt, ledger, 1);
    await refreshLastActivity(tx, customer.id);
    await advanceByType(tx, customer, type, input.occurredAt, member.id, after.id);
    await refreshRisk(tx, [customer.id]);
    await recordAudit(tx, member, {
      action: "interaction.edited",
      entityType: "interaction",
      entityId: after.id,
      before,
      after,
    });
    return { message: "Interaction updated." };
  },
});

export const deleteInteraction = defineAction({
  permission: "interactions.write",
  schema: deleteInteractionSchema,
  async run(input, { member, tx }) {
    const existing = await loadOwnInteraction(tx, input.interactionId, member);
    const customer = await lockCustomer(tx, existing.interaction.customerId);
    const { ledger } = await getSettings(["ledger"], tx);
    const before = existing.interaction;
    await applyToLedger(
      tx,
      customer.id,
      before.weightOverride ?? existing.type.defaultWeight,
      before.occurredAt,
      ledger,
      -1,
    );
    await tx.delete(interactions).where(and(eq(interactions.id, before.id), eq(interactions.customerId, customer.id)));
    await refreshLastActivity(tx, customer.id);
    await refreshRisk(tx, [customer.id]);
    await recordAudit(tx, member, {
      action: "interaction.deleted",
      entityType: "interaction",
      entityId: before.id,
      before,
    });
    return { message: "Interaction deleted." };
  },
});
