import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { interactions } from "@/db/schema";
import { DAY_MS } from "@/lib/dates";
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
    if (!row.booked)
      return { message: "Already logged: this interaction was saved before.", data: { id: row.id ?? 0 } };
    return { message: `${row.typeLabel} logged.`, data: { id: row.id } };
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
    })
    .from(interactions)
    .where(eq(interactions.id, interactionId))
    .limit(1);
  if (!row) throw new NotFoundError("The interaction");
  const recent = Date.now() - row.createdAt.getTime() <= DAY_MS;
  if (member.role !== "admin" && !(row.actorId === member.id && recent)) {
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
  async run({ interactionId, ...changes }, { member, tx }) {
    const interaction = await changeableInteraction(tx, interactionId, member);
    await rebookInteraction(tx, interaction, changes, { actor: member });
    return { message: "Interaction updated." };
  },
});

export const deleteInteraction = defineAction({
  permission: "interactions.write",
  schema: deleteInteractionSchema,
  async run(input, { member, tx }) {
    const interaction = await changeableInteraction(tx, input.interactionId, member);
    await unbookInteractions(tx, [interaction], { actor: member, audit: "interaction.deleted" });
    return { message: "Interaction deleted." };
  },
});
