import "server-only";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { daysBetweenSql, decayedWeightSql, weightSql } from "@/db/ledger-sql";
import { type DebitOutcome, delightEffects } from "@/lib/delight-effect";
import { stageForMilestone } from "@/lib/journey/models";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { getSettings } from "@/server/settings/queries";
import { QUEUE_TYPES } from "./queries";

export const EFFECT_HORIZON_DAYS = 90;
const LOOKBACK_DAYS = 365;

/**
 * Every debit of a kind the delight queue holds from the year before the last 90 days, on a
 * customer active then: whether a gesture answered it, the customer's MRR and milestone at the time,
 * balance right after it and 30 days later, and whether they churned within 90 days.
 */
export async function getDebitOutcomes(db: Queryable, { now = new Date() }: { now?: Date } = {}) {
  const { ledger } = await getSettings(db, ["ledger"]);
  const at = now.toISOString();
  const balanceAt = (moment: ReturnType<typeof sql>) =>
    sql`coalesce(sum(${decayedWeightSql(sql`w.weight`, daysBetweenSql(sql`x.occurred_at`, moment), ledger)})
        filter (where x.occurred_at <= ${moment} and w.weight <> 0), 0)::float8`;
  const rows = await queryRows<{
    interactionId: number;
    customerId: number;
    debitType: string;
    gesture: string | null;
    costCents: number | null;
    mrrCents: number;
    milestone: number;
    balance: number;
    balanceLater: number;
    churned: boolean;
  }>(
    db,
    sql`select i.id as "interactionId", i.customer_id as "customerId", t.key as "debitType",
          d.gesture, d.cost_cents as "costCents", c.mrr_cents as "mrrCents",
          coalesce((select m.to_milestone from milestone_changes m
                    where m.customer_id = i.customer_id and m.at <= i.occurred_at
                    order by m.at desc limit 1), c.milestone) as milestone,
          b.balance, b.later as "balanceLater",
          c.churned_at is not null and c.churned_at <= i.occurred_at + make_interval(days => ${EFFECT_HORIZON_DAYS}) as churned
        from interactions i
        join interaction_types t on t.id = i.type_id
        join customers c on c.id = i.customer_id
        left join lateral (
          select dm.gesture, dm.cost_cents from delight_moments dm
          where dm.prompt_interaction_id = i.id order by dm.occurred_at, dm.id limit 1) d on true
        cross join lateral (
          select ${balanceAt(sql`i.occurred_at`)} as balance,
                 ${balanceAt(sql`(i.occurred_at + interval '30 days')`)} as later
          from interactions x join interaction_types xt on xt.id = x.type_id
          cross join lateral (select ${weightSql(sql.raw("x"), sql.raw("xt"))} as weight) w
          where x.customer_id = i.customer_id and x.occurred_at <= i.occurred_at + interval '30 days') b
        where t.key = any(${`{${QUEUE_TYPES.join(",")}}`}::text[])
          and i.occurred_at > ${at}::timestamptz - make_interval(days => ${LOOKBACK_DAYS + EFFECT_HORIZON_DAYS})
          and i.occurred_at <= ${at}::timestamptz - make_interval(days => ${EFFECT_HORIZON_DAYS})
          and (c.churned_at is null or c.churned_at > i.occurred_at)
        order by i.id`,
  );
  const stages = defaultModel(await getJourneyModels(db)).stages;
  return rows.map((row): DebitOutcome & { customerId: number } => ({
    interactionId: Number(row.interactionId),
    customerId: row.customerId,
    debitType: row.debitType,
    gesture: row.gesture,
    costCents: row.costCents,
    mrrCents: row.mrrCents,
    stage: stageForMilestone(stages, row.milestone)?.name ?? `milestone ${row.milestone}`,
    balance: Number(row.balance),
    balanceLater: Number(row.balanceLater),
    churned: Boolean(row.churned),
  }));
}

const KEEP_MS = 15 * 60 * 1000;
let kept: { at: number; result: Promise<ReturnType<typeof delightEffects>> } | null = null;

/** Did the delight work: kept for 15 minutes, as the answer moves only with the months. */
export async function getDelightEffect(db: Queryable) {
  if (!kept || Date.now() - kept.at >= KEEP_MS) {
    const at = Date.now();
    const result = getDebitOutcomes(db).then(delightEffects);
    kept = { at, result };
    result.catch(() => {
      kept = null;
    });
  }
  const entry = kept;
  return { ...(await entry.result), computedAt: new Date(entry.at) };
}
