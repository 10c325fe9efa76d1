import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { interactions, interactionTypes } from "@/db/schema";
import { DAY_MS } from "@/lib/dates";
import { message } from "@/lib/error-messages";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { SessionMember } from "@/lib/permissions";
import { deleteInteractionSchema, editInteractionSchema, logInteractionSchema } from "@/lib/validation/interactions";
import { defineAction } from "@/server/actions/execute";
import { bookInteractions, rebookInteraction, unbookInteractions } from "./booking";

export const logInteraction = defineAction({
  permission: "interactions.write",
  schema: logInteractionSchema,
  async run({ requestKey, ...input }, { member, tx }) {
    // The form's request key is the row's idempotency key: a retried submit finds the row saved before.
    const [row] = await bookInteractions(tx, [{ ...input, externalId: requestKey ?? null }], {
      actor: member,
      source: "ui",
      audit: { each: "interaction.logged" },
    });
    if (!row.booked) return { message: message("done.interactions.alreadyLogged"), data: { id: row.id ?? 0 } };
    const type = { interactionType: { key: input.typeKey, label: row.typeLabel } };
    return { message: message("done.interactions.logged", { type }), data: { id: row.id } };
  },
});

/** Authors may change what they logged for 24 hours; admins may change anything. */
async function changeableInteraction(tx: Queryable, interactionId: number, member: SessionMember) {
  const [row] = await tx
    .select({
      id: interactions.id,
      customerId: interactions.customerId,
      actorId: interactions.actorId,
      createdAt: interactions.createdAt,
      typeKey: interactionTypes.key,
      defaultWeight: interactionTypes.defaultWeight,
      occurredAt: interactions.occurredAt,
      channel: interactions.channel,
      direction: interactions.direction,
      summary: interactions.summary,
      weightOverride: interactions.weightOverride,
    })
    .from(interactions)
    .innerJoin(interactionTypes, eq(interactionTypes.id, interactions.typeId))
    .where(eq(interactions.id, interactionId))
    .limit(1);
  if (!row) throw new NotFoundError(message("notFound.what.interaction"));
  const recent = Date.now() - row.createdAt.getTime() <= DAY_MS;
  if (member.role !== "admin" && !(row.actorId === member.id && recent)) {
    throw new ForbiddenError("interactions.write", message("forbidden.interactionTooOld"));
  }
  return row;
}

export const editInteraction = defineAction({
  permission: "interactions.write",
  schema: editInteractionSchema,
  async run({ interactionId, ...changes }, { member, tx }) {
    const interaction = await changeableInteraction(tx, interactionId, member);
    // The form shows the time to the minute: the same minute sent back keeps the seconds it had.
    const sameMinute =
      Math.floor(changes.occurredAt.getTime() / 60_000) === Math.floor(interaction.occurredAt.getTime() / 60_000);
    const occurredAt = sameMinute ? interaction.occurredAt : changes.occurredAt;
    const weightOf = (override: number | null) => override ?? interaction.defaultWeight;
    const unchanged =
      sameMinute &&
      changes.typeKey === interaction.typeKey &&
      changes.channel === interaction.channel &&
      changes.direction === interaction.direction &&
      changes.summary === interaction.summary &&
      weightOf(changes.weight) === weightOf(interaction.weightOverride);
    if (unchanged) return { message: message("done.interactions.nothingChanged") };
    await rebookInteraction(tx, interaction, { ...changes, occurredAt }, { actor: member });
    return { message: message("done.interactions.updated") };
  },
});

export const deleteInteraction = defineAction({
  permission: "interactions.write",
  schema: deleteInteractionSchema,
  async run(input, { member, tx }) {
    const interaction = await changeableInteraction(tx, input.interactionId, member);
    await unbookInteractions(tx, [interaction], { actor: member, audit: "interaction.deleted" });
    return { message: message("done.interactions.deleted") };
  },
});
