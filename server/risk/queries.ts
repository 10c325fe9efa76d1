import "server-only";
import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { customers, members } from "@/db/schema";
import { COUNT_AHEAD, countUpTo } from "@/db/capped-count";
import { balanceSql, daysBetweenSql, decaySql, weightSql } from "@/db/ledger-sql";
import type { DriverPeriod, RiskView } from "@/lib/risk";
import { getSettings } from "@/server/settings/queries";

export const RISK_SORTS = ["risk", "mrr", "balance", "silence", "renewal"] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

export type RiskListQuery = {
  /** At risk (the default) or the watch list. */
  view?: RiskView;
  ownerId?: number;
  milestoneRange?: { from: number; to: number };
  plan?: string;
  minMrrCents?: number;
  /** Only customers renewing within this many days (from today). */
  renewsWithinDays?: number;
  sort: RiskSort;
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
  /** How far past this page to count (default 1,000): beyond it the total reads "N+". */
  countAhead?: number;
};

/** Active customers at risk (score ≥ threshold), or on the watch list (0 < score < threshold). */
export function riskViewCondition(view: RiskView, threshold: number): SQL | undefined {
  return view === "watch"
    ? and(eq(customers.status, "active"), gt(customers.riskScore, 0), lt(customers.riskScore, threshold))
    : and(eq(customers.status, "active"), gte(customers.riskScore, threshold));
}

function riskConditions(query: RiskListQuery, threshold: number): SQL | undefined {
  return and(
    riskViewCondition(query.view ?? "at-risk", threshold),
    query.ownerId ? eq(customers.ownerId, query.ownerId) : undefined,
    query.milestoneRange
      ? sql`${customers.milestone} between ${query.milestoneRange.from} and ${query.milestoneRange.to}`
      : undefined,
    query.plan ? eq(customers.plan, query.plan) : undefined,
    query.minMrrCents ? gte(customers.mrrCents, query.minMrrCents) : undefined,
    query.renewsWithinDays !== undefined
      ? sql`${customers.nextRenewalOn} between current_date and current_date + ${query.renewsWithinDays}::int`
      : undefined,
  );
}

/**
 * The debt-risk list: active customers with a risk score, ranked by the stored score (indexed,
 * kept on write and refreshed periodically). Reads customers only, never interactions.
 */
export async function getRiskList(db: Queryable, query: RiskListQuery) {
  const { ledger, risk } = await getSettings(db, ["ledger", "risk"]);
  const balance = balanceSql(ledger);
  const where = riskConditions(query, risk.atRiskScore);
  const countCap = query.page * query.pageSize + (query.countAhead ?? COUNT_AHEAD);
  const order = query.direction === "asc" ? asc : desc;
  const sortColumn: Record<RiskSort, SQL> = {
    risk: sql`${customers.riskScore}`,
    mrr: sql`${customers.mrrCents}`,
    balance,
    // Longest silence first when descending: the oldest last inbound activity.
    silence: sql`coalesce(now() - ${customers.lastInboundAt}, interval '100 years')`,
    // Soonest renewal first when descending; no renewal date last.
    renewal: sql`current_date - coalesce(${customers.nextRenewalOn}, date '9999-12-31')`,
  };
  const [rows, { total, more }] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        company: customers.company,
        ownerName: members.name,
        milestone: customers.milestone,
        convertedAt: customers.convertedAt,
        plan: customers.plan,
        mrrCents: customers.mrrCents,
        arrCents: customers.arrCents,
        nextRenewalOn: customers.nextRenewalOn,
        creditAcc: customers.creditAcc,
        debtAcc: customers.debtAcc,
        riskScore: customers.riskScore,
        shadowRiskScore: customers.shadowRiskScore,
        riskTrend: customers.riskTrend,
        fatigued: customers.fatigued,
        lastInboundAt: customers.lastInboundAt,
        // To the microsecond: what server/risk/kept-drivers.ts keeps a customer's drivers under.
        updatedAt: sql<string>`${customers.updatedAt}::text`,
        balance,
      })
      .from(customers)
      .leftJoin(members, eq(members.id, customers.ownerId))
      .where(where)
      .orderBy(order(sortColumn[query.sort]), desc(customers.riskScore), asc(customers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countUpTo(db, { matching: sql`select 1 from ${customers} where ${where}`, cap: countCap }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, balance: Number(row.balance) })),
    total,
    more,
    threshold: risk.atRiskScore,
    /** The settings the list was read with, so a caller reading more of the same rows needs no second read. */
    settings: { ledger, risk },
  };
}

export type RiskRow = Awaited<ReturnType<typeof getRiskList>>["rows"][number];

/**
 * The ids of every customer the risk list shows with these filters (all pages), in id order: what
 * "select all matching" means. At most `limit`, so a caller can tell "more than it takes".
 */
export async function getRiskListIds(
  db: Queryable,
  { query, limit }: { query: RiskListQuery; limit: number },
): Promise<number[]> {
  const { risk } = await getSettings(db, ["risk"]);
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(riskConditions(query, risk.atRiskScore))
    .orderBy(asc(customers.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

export type RiskDriver = {
  customerId: number;
  /** The newest interaction of the group. */
  id: number;
  label: string;
  typeKey: string;
  /** The newest interaction's summary and time. */
  summary: string;
  occurredAt: string;
  /** How many debits of this kind in this period, and their decayed weight together. */
  count: number;
  impact: number;
  period: DriverPeriod;
};

/**
 * The three reasons that weigh most on each customer's debt now: their debits of the last 365 days
 * grouped by kind and period (today, this week, this month, this year) and summed decayed, so 160
 * one-point tickets today are one reason of −160, not three rows of −1. Overridden weights count
 * under their type.
 */
export async function getRiskDrivers(
  db: Queryable,
  { customerIds }: { customerIds: readonly number[] },
): Promise<Map<number, RiskDriver[]>> {
  const result = new Map<number, RiskDriver[]>();
  if (customerIds.length === 0) return result;
  const { ledger } = await getSettings(db, ["ledger"]);
  const ids = `{${[...new Set(customerIds)].join(",")}}`;
  const age = daysBetweenSql(sql`i.occurred_at`);
  // Debit types through (customer_id, type_id, occurred_at), overridden debits through their own index.
  const columns = sql`i.customer_id, i.id, i.occurred_at, i.summary, t.label, t.key as type_key,
    ${weightSql()} * ${decaySql(age, ledger.debtHalfLifeDays)} as impact,
    case when ${age} < 1 then 'today' when ${age} < 7 then 'week' when ${age} < 30 then 'month' else 'year' end as period`;
  const rows = await queryRows<
    Omit<RiskDriver, "id" | "impact" | "count"> & { id: string; impact: number; count: number }
  >(
    db,
    sql`select customer_id as "customerId", id::text as id, label, type_key as "typeKey", summary, "occurredAt",
        period, count, impact from (
        select g.*, row_number() over (partition by customer_id order by impact asc, id desc) as rank from (
          select d.customer_id, d.label, d.type_key, d.period, count(*)::int as count, sum(d.impact) as impact,
            (array_agg(d.id order by d.occurred_at desc, d.id desc))[1] as id,
            (array_agg(d.summary order by d.occurred_at desc, d.id desc))[1] as summary,
            max(d.occurred_at)::text as "occurredAt"
          from (
            select ${columns}
            from unnest(${ids}::int[]) as c(id)
            join interaction_types t on t.default_weight < 0
            join interactions i on i.customer_id = c.id and i.type_id = t.id and i.weight_override is null
              and i.occurred_at > now() - interval '365 days'
            union all
            select ${columns}
            from interactions i join interaction_types t on t.id = i.type_id
            where i.customer_id = any(${ids}::int[]) and i.weight_override < 0 and i.occurred_at > now() - interval '365 days'
          ) d
          group by d.customer_id, d.label, d.type_key, d.period
        ) g
      ) ranked where rank <= 3 order by customer_id, impact`,
  );
  for (const row of rows) {
    const list = result.get(row.customerId) ?? [];
    list.push({ ...row, id: Number(row.id), impact: Number(row.impact) });
    result.set(row.customerId, list);
  }
  return result;
}

/** The book's MRR at risk: active customers at or above the at-risk score (riskViewCondition). */
export async function getMrrAtRisk(db: Queryable) {
  const { risk } = await getSettings(db, ["risk"]);
  const [row] = await db
    .select({
      customers: sql<number>`count(*)::int`,
      mrrCents: sql<number>`coalesce(sum(${customers.mrrCents}), 0)::bigint`,
    })
    .from(customers)
    .where(riskViewCondition("at-risk", risk.atRiskScore));
  return { customers: row.customers, mrrCents: Number(row.mrrCents), threshold: risk.atRiskScore };
}
