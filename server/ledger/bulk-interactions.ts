import { sql } from "drizzle-orm";
import { CONVERTED_MILESTONE } from "@/lib/journey/models";
import { type Queryable, queryRows } from "@/db";
import { getSettings } from "@/server/settings/queries";
import { contributionSql } from "./ledger-days";
import { refreshRisk } from "@/server/risk/refresh";

export type BulkInteraction = {
  externalId: string;
  customerId: number;
  typeId: number;
  occurredAt: Date | string;
  weight: number | null;
  direction: "inbound" | "outbound";
  channel: string;
  summary: string;
  payloadHash: string;
};

/**
 * Books many interactions in a few set-based statements (API batches, CSV import): skips keys that
 * exist (idempotent), adds what was inserted to each customer's ledger and last activity, moves
 * milestones forward with history and refreshes the risk of the customers touched. Returns the ids
 * of the interactions it inserted, by external id.
 */
export async function insertInteractionsBulk(
  tx: Queryable,
  rows: readonly BulkInteraction[],
  source: "api" | "import",
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const { ledger } = await getSettings(["ledger"], tx);
  const input = JSON.stringify(
    rows.map((r) => ({
      external_id: r.externalId,
      customer_id: r.customerId,
      type_id: r.typeId,
      occurred_at: r.occurredAt,
      weight: r.weight,
      direction: r.direction,
      channel: r.channel,
      summary: r.summary,
      payload_hash: r.payloadHash,
    })),
  );
  const c = contributionSql(ledger, sql.raw("ins"));
  const inserted = await queryRows<{ id: number; external_id: string; customer_id: number }>(
    tx,
    sql`with ins as (
          insert into interactions (customer_id, occurred_at, type_id, weight_override, channel, direction, summary, source, external_id, payload_hash)
          select x.customer_id, x.occurred_at, x.type_id, x.weight, x.channel::interaction_channel, x.direction::interaction_direction, x.summary, ${source}::record_source, x.external_id, x.payload_hash
          from json_to_recordset(${input}::json) as x(external_id text, customer_id int, type_id smallint, occurred_at timestamptz, weight float8, direction text, channel text, summary text, payload_hash text)
          on conflict (source, external_id) where external_id is not null do nothing
          returning id, external_id, customer_id, occurred_at, type_id, weight_override, direction),
        days as (
          select ins.customer_id, ${c.day} as day, ${c.credit} as credit, ${c.debt} as debt,
            max(ins.occurred_at) filter (where ins.direction = 'inbound') as last_in,
            max(ins.occurred_at) filter (where ins.direction = 'outbound') as last_out
          from ins join interaction_types t on t.id = ins.type_id
          group by 1, 2),
        booked as (
          insert into ledger_days (customer_id, day, credit_acc, debt_acc)
          select customer_id, day, credit, debt from days where credit <> 0 or debt <> 0
          on conflict (customer_id, day) do update
            set credit_acc = ledger_days.credit_acc + excluded.credit_acc, debt_acc = ledger_days.debt_acc + excluded.debt_acc
          returning 1),
        agg as (
          select customer_id, sum(credit) as credit, sum(debt) as debt, max(last_in) as last_in, max(last_out) as last_out
          from days group by customer_id),
        upd as (
          update customers c set credit_acc = c.credit_acc + agg.credit, debt_acc = c.debt_acc + agg.debt,
            last_inbound_at = greatest(c.last_inbound_at, agg.last_in), last_outbound_at = greatest(c.last_outbound_at, agg.last_out), updated_at = now()
          from agg where c.id = agg.customer_id returning c.id)
        select id::int as id, external_id, customer_id from ins`,
  );
  if (inserted.length === 0) return new Map();
  // Milestones the new interactions imply move their customers forward, with history.
  await tx.execute(sql`
    with implied as (
      select distinct on (i.customer_id) i.customer_id, t.implies_milestone as milestone, i.occurred_at, i.id
      from interactions i join interaction_types t on t.id = i.type_id
      where i.id in (select jsonb_array_elements_text(${JSON.stringify(inserted.map((r) => r.id))}::jsonb)::bigint) and t.implies_milestone is not null
      order by i.customer_id, t.implies_milestone desc, i.occurred_at),
    moves as (
      select c.id, c.milestone as from_milestone, implied.milestone as to_milestone, implied.occurred_at, implied.id as interaction_id
      from customers c join implied on implied.customer_id = c.id where implied.milestone > c.milestone),
    upd as (
      update customers c set milestone = moves.to_milestone, peak_milestone = greatest(c.peak_milestone, moves.to_milestone), milestone_at = moves.occurred_at,
        converted_at = case when moves.to_milestone >= ${CONVERTED_MILESTONE} then coalesce(c.converted_at, moves.occurred_at) else c.converted_at end
      from moves where c.id = moves.id returning c.id)
    insert into milestone_changes (customer_id, from_milestone, to_milestone, at, reason, source, interaction_id)
    select id, from_milestone, to_milestone, occurred_at, ${source === "api" ? "Event from the API" : "Imported interaction"}, ${source}::record_source, interaction_id from moves`);
  await refreshRisk(tx, [...new Set(inserted.map((r) => r.customer_id))]);
  return new Map(inserted.map((r) => [r.external_id, r.id]));
}
