import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { handScore } from "@/lib/backtest/score";
import { getFeatureRows } from "./features";
import { configOf, getShadowVersion } from "./versions";

/** How long a version runs in shadow. */
export const SHADOW_DAYS = 30;

/**
 * Scores every customer not churned under the version running in shadow, from raw interactions as
 * of now, into customers.shadow_risk_score (and clears it when none runs). A shadow may change
 * half-lives and type weights, which the live ledger's accumulators cannot serve, so it is scored
 * from the rows themselves: when it starts and by the periodic refresh.
 */
export async function refreshShadowScores(db: Queryable): Promise<void> {
  const shadow = await getShadowVersion(db);
  if (!shadow) {
    await db.execute(sql`update customers set shadow_risk_score = null where shadow_risk_score is not null`);
    return;
  }
  const config = configOf(shadow);
  const rows = await getFeatureRows(db, {
    cutoffs: [new Date()],
    horizonDays: 0,
    typeWeights: config.typeWeights,
    halfLives: { credit: [config.ledger.creditHalfLifeDays], debt: [config.ledger.debtHalfLifeDays] },
    fatigueWindowDays: config.risk.fatigueWindowDays,
    population: "active",
  });
  const ids = `{${rows.map((row) => row.customerId).join(",")}}`;
  const scores = `{${rows.map((row) => handScore(row, config)).join(",")}}`;
  await db.execute(sql`
    update customers c set shadow_risk_score = coalesce(v.score, 0)
    from customers k left join unnest(${ids}::int[], ${scores}::float8[]) as v(id, score) on v.id = k.id
    where c.id = k.id and c.shadow_risk_score is distinct from coalesce(v.score, 0)`);
}

export type ShadowSummary = {
  number: number;
  until: Date;
  threshold: number;
  /** Active customers at or above the shadow's threshold, by its score. */
  atRisk: number;
};

/** The version in shadow and how many customers it would put at risk; null when none runs. */
export async function getShadowSummary(db: Queryable): Promise<ShadowSummary | null> {
  const shadow = await getShadowVersion(db);
  if (!shadow?.shadowUntil) return null;
  const [{ atRisk }] = await queryRows<{ atRisk: number }>(
    db,
    sql`select count(*)::int as "atRisk" from customers
        where status = 'active' and shadow_risk_score >= ${shadow.risk.atRiskScore}`,
  );
  return { number: shadow.number, until: shadow.shadowUntil, threshold: shadow.risk.atRiskScore, atRisk };
}
