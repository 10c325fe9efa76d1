import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { weightSql } from "@/db/ledger-sql";
import { defineAction } from "@/server/actions/execute";
import { type Message, message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import { delightMomentSchema } from "@/lib/validation/advocacy";
import { delightMoments } from "@/db/schema";
import { lockCustomer } from "@/server/customers/lock";
import { recordAudit } from "@/server/audit/record";
import { bookInteraction } from "@/server/ledger/booking";

async function assertOpenDebit(tx: Queryable, customerId: number, interactionId: number) {
  const [debit] = await queryRows<{
    weight: number;
    answer: { by: string | null; at: string; day: string; gesture: string } | null;
  }>(
    tx,
    sql`select ${weightSql()} as weight,
        (select json_build_object('by', m.name, 'at', d.occurred_at, 'gesture', d.gesture,
            'day', to_char(d.occurred_at at time zone 'UTC', 'DD Mon YYYY'))
          from delight_moments d left join members m on m.id = d.actor_id where d.prompt_interaction_id = i.id) as answer
      from interactions i join interaction_types t on t.id = i.type_id
      where i.id = ${interactionId} and i.customer_id = ${customerId}`,
  );
  const refuse = (problem: Message) => new ValidationError(problem, { promptInteractionId: [problem] });
  if (!debit) throw refuse(message("delight.notThisCustomers"));
  if (debit.weight >= 0) throw refuse(message("delight.onlyDebits"));
  if (debit.answer) {
    const { by, at, day, gesture } = debit.answer;
    // English keeps the day as it has always read ("04 Feb 2026"); other languages their own date.
    const when = { date: new Date(at), english: day };
    throw refuse(message("delight.alreadyAnswered", { name: by ?? message("delight.someone"), when, gesture }));
  }
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
    return { message: message("done.delight.logged"), data: { id: moment.id, customerId: input.customerId } };
  },
});
