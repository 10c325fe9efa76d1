import { sql } from "drizzle-orm";
import { CONVERTED_MILESTONE } from "@/lib/journey/models";
import type { Queryable } from "@/db";

type MilestoneMove = {
  to: number;
  at: Date;
  actorId: number | null;
  reason: string;
  source: "ui" | "api" | "import" | "system";
  interactionId?: number;
};

/**
 * Moves customers to one milestone and records each move in the history, in two statements
 * whatever their number. `customers` holds each one's milestone before (the history's "from").
 * Callers decide the direction: interactions only ever move forward, a person may also move back.
 */
export async function moveMilestones(
  tx: Queryable,
  change: MilestoneMove & { customers: readonly { id: number; from: number }[] },
): Promise<void> {
  if (change.customers.length === 0) return;
  const at = change.at.toISOString();
  const moves = JSON.stringify(change.customers.map((customer) => ({ id: customer.id, from: customer.from })));
  await tx.execute(sql`
    update customers c set milestone = ${change.to}::int, milestone_at = ${at}::timestamptz,
      peak_milestone = greatest(c.peak_milestone, ${change.to}::int),
      converted_at = case when ${change.to}::int >= ${CONVERTED_MILESTONE}::int then coalesce(c.converted_at, ${at}::timestamptz)
        else c.converted_at end,
      updated_at = now()
    from json_to_recordset(${moves}::json) as m(id int, "from" int)
    where c.id = m.id`);
  await tx.execute(
    sql`insert into milestone_changes (customer_id, from_milestone, to_milestone, at, actor_id, reason, source, interaction_id)
      select m.id, m."from", ${change.to}::int, ${at}::timestamptz, ${change.actorId}::int, ${change.reason}::text,
        ${change.source}::record_source, ${change.interactionId ?? null}::bigint
      from json_to_recordset(${moves}::json) as m(id int, "from" int)`,
  );
}

/** Moves one customer: a batch of one. */
export async function moveMilestone(
  tx: Queryable,
  { customerId, from, ...change }: MilestoneMove & { customerId: number; from: number },
): Promise<void> {
  await moveMilestones(tx, { ...change, customers: [{ id: customerId, from }] });
}
