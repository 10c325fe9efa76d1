import "server-only";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { balanceSql, weightSql } from "@/db/ledger-sql";
import { getSettings } from "@/server/settings/queries";

const PAGE = 2000;

/** One keyset page of customers for the CSV export, with balance and risk. */
export async function exportCustomersPage(db: Queryable, { afterId }: { afterId: number | null }) {
  const { ledger } = await getSettings(db, ["ledger"]);
  const rows = await queryRows<{
    id: number;
    externalId: string | null;
    name: string;
    email: string | null;
    company: string | null;
    plan: string;
    mrrCents: number;
    status: string;
    milestone: number;
    owner: string | null;
    signedUpAt: string;
    churnedAt: string | null;
    balance: number;
    riskScore: number;
    fatigued: boolean;
    lastInboundAt: string | null;
  }>(
    db,
    sql`select customers.id, customers.external_id as "externalId", customers.name, customers.email, customers.company,
          customers.plan, customers.mrr_cents as "mrrCents", customers.status::text as status,
          customers.milestone::int as milestone, m.email as owner, customers.signed_up_at::text as "signedUpAt",
          customers.churned_at::text as "churnedAt", ${balanceSql(ledger)}::float8 as balance,
          customers.risk_score as "riskScore", customers.fatigued, customers.last_inbound_at::text as "lastInboundAt"
        from customers left join members m on m.id = customers.owner_id
        where customers.id > ${afterId ?? 0} order by customers.id limit ${PAGE}`,
  );
  return { rows, next: rows.length === PAGE ? (rows.at(-1)?.id ?? null) : null };
}

export type InteractionsExportQuery = { range: { from: Date; to: Date }; after: { at: string; id: number } | null };

/** One keyset page of interactions in [from, to), oldest first. */
export async function exportInteractionsPage(db: Queryable, { range, after }: InteractionsExportQuery) {
  const rows = await queryRows<{
    id: number;
    atKey: string;
    occurredAt: string;
    customerId: number;
    customerExternalId: string | null;
    customerName: string;
    type: string;
    weight: number;
    direction: string;
    channel: string;
    summary: string;
    source: string;
    externalId: string | null;
    actor: string | null;
  }>(
    db,
    sql`select i.id::int as id, i.occurred_at::text as "atKey",
          to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt",
          i.customer_id as "customerId", c.external_id as "customerExternalId", c.name as "customerName", t.key as type,
          ${weightSql()} as weight, i.direction::text as direction, i.channel::text as channel, i.summary,
          i.source::text as source, i.external_id as "externalId", m.email as actor
        from interactions i
        join interaction_types t on t.id = i.type_id
        join customers c on c.id = i.customer_id
        left join members m on m.id = i.actor_id
        where i.occurred_at >= ${range.from.toISOString()}::timestamptz and i.occurred_at < ${range.to.toISOString()}::timestamptz
          ${after ? sql`and (i.occurred_at, i.id) > (${after.at}::timestamptz, ${after.id})` : sql``}
        order by i.occurred_at, i.id limit ${PAGE}`,
  );
  const last = rows.at(-1);
  return { rows, next: rows.length === PAGE && last ? { at: last.atKey, id: last.id } : null };
}
