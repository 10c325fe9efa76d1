import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { balanceSql } from "@/db/ledger-sql";
import { getSettings } from "@/server/settings/queries";

const PAGE = 2000;

/** One keyset page of customers for the CSV export, with balance and risk. */
export async function exportCustomersPage(afterId: number | null) {
  const { ledger } = await getSettings(["ledger"]);
  const rows = await queryRows<{
    id: number;
    external_id: string | null;
    name: string;
    email: string | null;
    company: string | null;
    plan: string;
    mrr_cents: number;
    status: string;
    milestone: number;
    owner: string | null;
    signed_up_at: string;
    churned_at: string | null;
    balance: number;
    risk_score: number;
    fatigued: boolean;
    last_inbound_at: string | null;
  }>(
    db,
    sql`select customers.id, customers.external_id, customers.name, customers.email, customers.company, customers.plan, customers.mrr_cents, customers.status::text as status,
          customers.milestone::int as milestone, m.email as owner, customers.signed_up_at::text as signed_up_at, customers.churned_at::text as churned_at,
          ${balanceSql(ledger)}::float8 as balance, customers.risk_score, customers.fatigued, customers.last_inbound_at::text as last_inbound_at
        from customers left join members m on m.id = customers.owner_id
        where customers.id > ${afterId ?? 0} order by customers.id limit ${PAGE}`,
  );
  return { rows, next: rows.length === PAGE ? (rows.at(-1)?.id ?? null) : null };
}

/** One keyset page of interactions in [from, to), oldest first. */
export async function exportInteractionsPage(
  range: { from: Date; to: Date },
  after: { at: string; id: number } | null,
) {
  const rows = await queryRows<{
    id: number;
    at_key: string;
    occurred_at: string;
    customer_id: number;
    customer_external_id: string | null;
    customer_name: string;
    type: string;
    weight: number;
    direction: string;
    channel: string;
    summary: string;
    source: string;
    external_id: string | null;
    actor: string | null;
  }>(
    db,
    sql`select i.id::int as id, i.occurred_at::text as at_key, to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at,
          i.customer_id, c.external_id as customer_external_id, c.name as customer_name, t.key as type, coalesce(i.weight_override, t.default_weight) as weight,
          i.direction::text as direction, i.channel::text as channel, i.summary, i.source::text as source, i.external_id, m.email as actor
        from interactions i
        join interaction_types t on t.id = i.type_id
        join customers c on c.id = i.customer_id
        left join members m on m.id = i.actor_id
        where i.occurred_at >= ${range.from.toISOString()}::timestamptz and i.occurred_at < ${range.to.toISOString()}::timestamptz
          ${after ? sql`and (i.occurred_at, i.id) > (${after.at}::timestamptz, ${after.id})` : sql``}
        order by i.occurred_at, i.id limit ${PAGE}`,
  );
  const last = rows.at(-1);
  return { rows, next: rows.length === PAGE && last ? { at: last.at_key, id: last.id } : null };
}
