import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { weightSql } from "@/db/ledger-sql";
import { defineAction } from "@/server/actions/execute";
import { ValidationError } from "@/lib/errors";
import { delightMomentSchema } from "@/lib/validation/advocacy";
import { delightMoments } from "@/db/schema";
import { lockCustomer } from "@/server/customers/lock";
import { recordAudit } from "@/server/audit/record";
import { bookInteraction } from "@/server/ledger/booking";

async function assertOpenDebit(tx: Queryable, customerId: number, interactionId: number) {
  const [debit] = await queryRows<{ weight: number; answer: string | null }>(
    tx,
    sql`select ${weightSql()} as weight,
        (select 'by ' || coalesce(m.name, 'someone') || ' on ' || to_char(d.occurred_at at time zone 'UTC', 'DD Mon YYYY') || ': ' || d.gesture
          from delight_moments d left join members m on m.id = d.actor_id where d.prompt_interaction_id = i.id) as answer
      from interactions i join interaction_types t on t.id = i.type_id
      where i.id = ${interactionId} and i.customer_id = ${customerId}`,
  );
  const refuse = (message: string) => new ValidationError(message, { promptInteractionId: [message] });
  if (!debit) throw refuse("That interaction does not belong to this customer.");
  if (debit.weight >= 0) throw refuse("Only a debit can be answered with a delight moment.");
  if (debit.answer) throw refuse(`This debit was already answered ${debit.answer}.`);
}

/**
 * A delight moment: a credit with a story. Booked as a `delight_moment` interaction (so the
 * ledger, risk and timeline see it), linked to the debit it answers, which leaves the queue.
 */
export const logDelightMoment = defineAction({
  permission: "delight.write",
  schema: delightMomentSchema,
  async run(input, { member, tx }) {
    // One answer per debit: two tabs submitting at once take turns here, and the second is told.
    await lockCustomer(tx, input.customerId);
    if (input.promptInteractionId !== null) await assertOpenDebit(tx, input.customerId, input.promptInteractionId);
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
