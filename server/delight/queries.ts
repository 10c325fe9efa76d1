import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { COUNT_AHEAD, countUpTo } from "@/db/capped-count";
import { containsPattern } from "@/db/like-pattern";
import { daysBetweenSql, decayedWeightSql, weightSql } from "@/db/ledger-sql";
import { getSettings } from "@/server/settings/queries";

/** The debit kinds a gesture can answer (PRODUCT.md, "Delight moments"). */
export const QUEUE_TYPES = [
  "complaint",
  "bug_report",
  "error_hit",
  "support_ticket",
  "social_mention",
  "slow_response",
] as const;

/**
 * The ids of the queue's kinds. The statements take them as a list of ids: given as a subquery, the
 * planner cannot tell which types it reads, and at 1,000,000 customers it hashed every active
 * customer to join a fortnight's 4,669 debits (552 ms; 69–105 ms with the ids in sight).
 */
export async function getQueueTypeIds(db: Queryable): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from interaction_types where key in (${sql.join(
      QUEUE_TYPES.map((key) => sql`${key}`),
      sql`, `,
    )})`,
  );
  return rows.map((row) => Number(row.id));
}

/**
 * A debit the delight queue waits on (`i`, an interaction): one of the queue's kinds (`typeIds`,
 * from getQueueTypeIds, so the (type, time) index serves them), within the queue window, not yet
 * answered by a gesture.
 */
export function waitingDebitSql(queueDays: number, typeIds: readonly number[]): SQL {
  return sql`i.type_id = any(${`{${typeIds.join(",")}}`}::int[])
    and i.occurred_at > now() - make_interval(days => ${queueDays})
    and not exists (select 1 from delight_moments d where d.prompt_interaction_id = i.id)`;
}

export type QueueItem = {
  interactionId: number;
  customerId: number;
  customerName: string;
  company: string | null;
  mrrCents: number;
  ownerName: string | null;
  /** The interaction type's key and (possibly renamed) label. */
  typeKey: string;
  label: string;
  summary: string;
  channel: string;
  occurredAt: string;
  ageDays: number;
};

export type DelightQueueQuery = { page: number; pageSize?: number; ownerId?: number; q?: string };

/**
 * Recent debits nobody has answered with a gesture yet: oldest day first, then the biggest accounts.
 * The queue's types are looked up as ids so that the (type, time) index serves them, and the total
 * is counted only 1,000 past the page.
 *
 * Sorting the whole window (some 25,000 debits at 100,000 customers) by day and MRR took 140 ms, so
 * the page is found in two steps: the first `offset + pageSize` debits in time order (read off the
 * time index) end on some day D, so the page in (day, MRR) order holds debits of days up to D
 * only; just those days are sorted. D is read by a statement of its own: inside the page's
 * statement the planner could not see it, guessed a third of the window, and hashed every active
 * customer to join them (100 ms at 100,000 customers; a few ms with D known).
 */
export async function getDelightQueue(db: Queryable, { page, pageSize = 30, ownerId, q }: DelightQueueQuery) {
  const [{ delight }, typeIds] = await Promise.all([getSettings(db, ["delight"]), getQueueTypeIds(db)]);
  const debits = sql`interactions i join customers c on c.id = i.customer_id`;
  const waiting = sql`${waitingDebitSql(delight.queueDays, typeIds)}
      and c.status = 'active'
      ${ownerId ? sql`and c.owner_id = ${ownerId}` : sql``}
      ${q ? sql`and (c.name ilike ${containsPattern(q)} or c.company ilike ${containsPattern(q)})` : sql``}`;
  const offset = (page - 1) * pageSize;
  // At 1,000,000 customers parallel workers took longer to start (about 35 ms on 2 cores) than the
  // page's 2,000 debits of a day take to read.
  const pageRows = () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      const [{ before }] = await queryRows<{ before: string | null }>(
        tx,
        sql`select (max(occurred_at)::date + 1)::text as before
        from (select i.occurred_at from ${debits} where ${waiting} order by i.occurred_at limit ${offset + pageSize}) earliest`,
      );
      if (before === null) return [];
      return queryRows<QueueItem>(
        tx,
        sql`select i.id::int as "interactionId", c.id as "customerId", c.name as "customerName", c.company,
            c.mrr_cents as "mrrCents", m.name as "ownerName", t.key as "typeKey", t.label, i.summary, i.channel::text as channel,
            i.occurred_at::text as "occurredAt", floor(${daysBetweenSql(sql`i.occurred_at`)})::int as "ageDays"
          from ${debits}
          join interaction_types t on t.id = i.type_id
          left join members m on m.id = c.owner_id
          where ${waiting} and i.occurred_at < ${before}::date
          order by i.occurred_at::date asc, c.mrr_cents desc, i.id
          limit ${pageSize} offset ${offset}`,
      );
    });
  const [rows, { total, more }] = await Promise.all([
    pageRows(),
    countUpTo(db, { matching: sql`select 1 from ${debits} where ${waiting}`, cap: page * pageSize + COUNT_AHEAD }),
  ]);
  return { rows, total, more, days: delight.queueDays };
}

/** A debit (negative weight) a delight moment may answer, and whether one already has; undefined when there is none. */
export async function getDebitForDelight(db: Queryable, { interactionId }: { interactionId: number }) {
  const [row] = await queryRows<{
    id: number;
    customerId: number;
    customerName: string;
    typeKey: string;
    label: string;
    summary: string;
    channel: string;
    occurredAt: string;
    answered: boolean;
  }>(
    db,
    sql`select i.id::int as id, i.customer_id as "customerId", c.name as "customerName", t.key as "typeKey", t.label, i.summary,
          i.channel::text as channel, i.occurred_at::text as "occurredAt",
          exists (select 1 from delight_moments d where d.prompt_interaction_id = i.id) as answered
        from interactions i join interaction_types t on t.id = i.type_id join customers c on c.id = i.customer_id
        where i.id = ${interactionId} and ${weightSql()} < 0`,
  );
  return row;
}

/** A customer's debits the queue still waits on (its kinds, its window, unanswered), newest first: the delight form's choices. */
export async function getOpenDebits(db: Queryable, { customerId }: { customerId: number }) {
  const [{ delight }, typeIds] = await Promise.all([getSettings(db, ["delight"]), getQueueTypeIds(db)]);
  return queryRows<{
    id: number;
    typeKey: string;
    label: string;
    summary: string;
    channel: string;
    occurredAt: string;
  }>(
    db,
    sql`select i.id::int as id, t.key as "typeKey", t.label, i.summary, i.channel::text as channel,
      i.occurred_at::text as "occurredAt"
      from interactions i join interaction_types t on t.id = i.type_id
      where i.customer_id = ${customerId} and ${waitingDebitSql(delight.queueDays, typeIds)}
      order by i.occurred_at desc limit 50`,
  );
}

/** Per month over the last 12 months: how many delight moments and what they cost (kept per month by triggers). */
export async function getDelightMonthly(db: Queryable) {
  return queryRows<{ month: string; moments: number; costCents: number }>(
    db,
    sql`select to_char(month, 'YYYY-MM') as month, moments, cost_cents::int as "costCents" from delight_months
        where moments > 0 and month >= (date_trunc('month', now() at time zone 'UTC') - interval '11 months')::date
        order by month desc`,
  );
}

export type DelightLogEntry = {
  id: number;
  customerId: number;
  customerName: string;
  prompt: string;
  gesture: string;
  outcome: string;
  costCents: number;
  occurredAt: string;
  postedPublicly: boolean;
  renewed: boolean;
  becameAdvocate: boolean;
  actorName: string | null;
  balanceBefore: number;
  balanceAfter: number;
  daysAfter: number;
};

/**
 * The log of delight moments, newest first, each with the customer's balance just before it and
 * 30 days after it (or today, if that is sooner): did it work?
 */
export async function getDelightLog(db: Queryable, { page, pageSize = 20 }: { page: number; pageSize?: number }) {
  const { ledger } = await getSettings(db, ["ledger"]);
  const balanceAt = (at: SQL) =>
    sql`coalesce(sum(${decayedWeightSql(sql`w.weight`, daysBetweenSql(sql`i.occurred_at`, at), ledger)})
        filter (where i.occurred_at <= ${at} and w.weight <> 0), 0)::float8`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<DelightLogEntry>(
      db,
      sql`select d.id, d.customer_id as "customerId", c.name as "customerName", d.prompt, d.gesture, d.outcome,
            d.cost_cents as "costCents", d.occurred_at::text as "occurredAt", d.posted_publicly as "postedPublicly",
            d.renewed, d.became_advocate as "becameAdvocate", m.name as "actorName",
            b.before as "balanceBefore", b.after as "balanceAfter",
            floor(${daysBetweenSql(sql`d.occurred_at`, sql`least(d.occurred_at + interval '30 days', now())`)})::int as "daysAfter"
          from (select * from delight_moments order by occurred_at desc, id desc limit ${pageSize} offset ${(page - 1) * pageSize}) d
          join customers c on c.id = d.customer_id
          left join members m on m.id = d.actor_id
          cross join lateral (
            select ${balanceAt(sql`(d.occurred_at - interval '1 second')`)} as before,
                   ${balanceAt(sql`least(d.occurred_at + interval '30 days', now())`)} as after
            from interactions i join interaction_types t on t.id = i.type_id
            cross join lateral (select ${weightSql()} as weight) w
            where i.customer_id = d.customer_id and i.occurred_at <= least(d.occurred_at + interval '30 days', now())
          ) b
          order by d.occurred_at desc, d.id desc`,
    ),
    queryRows<{ total: number }>(db, sql`select coalesce(sum(moments), 0)::int as total from delight_months`),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, balanceBefore: Number(r.balanceBefore), balanceAfter: Number(r.balanceAfter) })),
    total,
  };
}
