import "server-only";
import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { customers, members } from "@/db/schema";
import { COUNT_AHEAD, countUpTo } from "@/db/capped-count";
import { balanceSql, daysBetweenSql, decaySql, weightSql } from "@/db/ledger-sql";
import { getSettings } from "@/server/settings/queries";

export const RISK_SORTS = ["risk", "mrr", "balance", "silence"] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

/**
 * The one meaning of "at risk": an active customer whose score is at or above the at-risk
 * threshold (Settings → Scoring). The watch list holds those with a score below it.
 */
export const RISK_VIEWS = ["at-risk", "watch"] as const;
export type RiskView = (typeof RISK_VIEWS)[number];

export type RiskListQuery = {
  /** At risk (the default) or the watch list. */
  view?: RiskView;
  ownerId?: number;
  milestoneRange?: { from: number; to: number };
  plan?: string;
  minMrrCents?: number;
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
        creditAcc: customers.creditAcc,
        debtAcc: customers.debtAcc,
        riskScore: customers.riskScore,
        shadowRiskScore: customers.shadowRiskScore,
        riskTrend: customers.riskTrend,
        fatigued: customers.fatigued,
        lastInboundAt: customers.lastInboundAt,
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
  };
}

export type RiskRow = Awaited<ReturnType<typeof getRiskList>>["rows"][number];

export type RiskDriver = {
  customerId: number;
  id: number;
  label: string;
  typeKey: string;
  summary: string;
  occurredAt: string;
  impact: number;
};

/**
 * The three interactions that weigh most on each customer's debt now (decayed), in one query.
 * Within one debit type the newest weigh most, so only each type's three newest are candidates
 * (an index probe per customer and type), plus any interaction with a negative weight of its own.
 */
export async function getRiskDrivers(
  db: Queryable,
  { customerIds }: { customerIds: readonly number[] },
): Promise<Map<number, RiskDriver[]>> {
  const result = new Map<number, RiskDriver[]>();
  if (customerIds.length === 0) return result;
  const { ledger } = await getSettings(db, ["ledger"]);
  const ids = `{${[...new Set(customerIds)].join(",")}}`;
  const impact = sql`${weightSql()} * ${decaySql(daysBetweenSql(sql`i.occurred_at`), ledger.debtHalfLifeDays)}`;
  const columns = sql`i.customer_id, i.id, t.label, t.key as type_key, i.summary, i.occurred_at, ${impact} as impact`;
  const rows = await queryRows<Omit<RiskDriver, "id" | "impact"> & { id: string; impact: number }>(
    db,
    sql`select customer_id as "customerId", id::text as id, label, type_key as "typeKey", summary,
        occurred_at::text as "occurredAt", impact from (
        select candidates.*, row_number() over (partition by customer_id order by impact asc, id desc) as rank from (
          select ${columns}
          from unnest(${ids}::int[]) as c(id)
          cross join interaction_types t
          cross join lateral (
            select * from interactions i
            where i.customer_id = c.id and i.type_id = t.id and i.weight_override is null
              and i.occurred_at > now() - interval '365 days'
            order by i.occurred_at desc limit 3) i
          where t.default_weight < 0
          union all
          select ${columns}
          from interactions i join interaction_types t on t.id = i.type_id
          where i.customer_id = any(${ids}::int[]) and i.weight_override < 0 and i.occurred_at > now() - interval '365 days'
        ) candidates
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
