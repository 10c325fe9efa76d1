import { and, eq } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { ValidationError } from "@/lib/errors";
import { delightMomentSchema } from "@/lib/validation/advocacy";
import { delightMoments, interactions, interactionTypes } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { bookInteraction } from "@/server/ledger/booking";

/**
 * A delight moment: a credit with a story. Booked as a `delight_moment` interaction (so the
 * ledger, risk and timeline see it), linked to the debit it answers, which leaves the queue.
 */
export const logDelightMoment = defineAction({
  permission: "delight.write",
  schema: delightMomentSchema,
  async run(input, { member, tx }) {
    if (input.promptInteractionId !== null) {
      const [prompt] = await tx
        .select({ weight: interactionTypes.defaultWeight, override: interactions.weightOverride })
        .from(interactions)
        .innerJoin(interactionTypes, eq(interactionTypes.id, interactions.typeId))
        .where(and(eq(interactions.id, input.promptInteractionId), eq(interactions.customerId, input.customerId)));
      if (!prompt)
        throw new ValidationError("Unknown prompt.", {
          promptInteractionId: ["That interaction does not belong to this customer."],
        });
    }
    const interaction = await bookInteraction(
      tx,
      {
        customerId: input.customerId,
        typeKey: "delight_moment",
        occurredAt: input.occurredAt,
        weight: input.weight,
        channel: input.channel,
        direction: "outbound",
        summary: input.gesture,
      },
      { actor: member, source: "ui", audit: { each: "interaction.logged" } },
    );
    const [moment] = await tx
      .insert(delightMoments)
      .values({
        customerId: input.customerId,
        interactionId: interaction.id,
        promptInteractionId: input.promptInteractionId,
        prompt: input.prompt,
        gesture: input.gesture,
        channel: input.channel,
        costCents: input.cost,
        occurredAt: input.occurredAt,
        outcome: input.outcome ?? "",
        postedPublicly: input.postedPublicly,
        renewed: input.renewed,
        becameAdvocate: input.becameAdvocate,
        actorId: member.id,
      })
      .returning();
    await recordAudit(tx, member, {
      action: "delight.logged",
      entityType: "delight_moment",
      entityId: moment.id,
      after: moment,
    });
    return { message: "Delight moment logged.", data: { id: moment.id, customerId: input.customerId } };
  },
});
