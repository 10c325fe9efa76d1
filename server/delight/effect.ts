import "server-only";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { accumulatorSql, daysSinceLedgerEpochSql, decaySql, weightSql } from "@/db/ledger-sql";
import { type DebitOutcome, delightEffects } from "@/lib/delight-effect";
import { stageForMilestone } from "@/lib/journey/models";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { getSettings } from "@/server/settings/queries";
import { keptFor } from "@/server/system/kept";
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
  const acc = accumulatorSql(weightSql(), sql`i.occurred_at`, ledger);
  const decayAt = (halfLife: number) => decaySql(daysSinceLedgerEpochSql(sql`r.at`), halfLife);
  // Balances at two moments per debit in one pass: each customer's interactions and the debit's
  // probes (right after it, 30 days later) in time order, the ledger's accumulators summed as they
  // go; a probe reads the running sums, decayed to its moment.
  const rows = await queryRows<{
    interactionId: number;
    debitType: string;
    gesture: string | null;
    costCents: number | null;
    mrrCents: number;
    milestone: number;
    balance: number;
    balanceLater: number;
    churned: boolean;
    customerId: number;
  }>(
    db,
    sql`with debits as (
          select i.id, i.customer_id, t.key as debit_type, i.occurred_at
          from interactions i
          join interaction_types t on t.id = i.type_id
          join customers c on c.id = i.customer_id
          where t.key = any(${`{${QUEUE_TYPES.join(",")}}`}::text[])
            and i.occurred_at > ${at}::timestamptz - make_interval(days => ${LOOKBACK_DAYS + EFFECT_HORIZON_DAYS})
            and i.occurred_at <= ${at}::timestamptz - make_interval(days => ${EFFECT_HORIZON_DAYS})
            and (c.churned_at is null or c.churned_at > i.occurred_at)),
        events as (
          select i.customer_id, i.occurred_at as at, false as probe, null::bigint as debit_id, false as later,
            ${acc.credit} as credit, ${acc.debt} as debt
          from interactions i join interaction_types t on t.id = i.type_id
          where i.customer_id in (select customer_id from debits)
            and i.occurred_at <= ${at}::timestamptz - make_interval(days => ${EFFECT_HORIZON_DAYS - 30})
          union all
          select customer_id, occurred_at, true, id, false, 0, 0 from debits
          union all
          select customer_id, occurred_at + interval '30 days', true, id, true, 0, 0 from debits),
        running as (
          select e.customer_id, e.at, e.probe, e.debit_id, e.later,
            sum(e.credit) over w as credit, sum(e.debt) over w as debt
          from events e
          window w as (partition by e.customer_id order by e.at, e.probe rows unbounded preceding)),
        balances as (
          select r.debit_id,
            max(r.credit * ${decayAt(ledger.creditHalfLifeDays)} + r.debt * ${decayAt(ledger.debtHalfLifeDays)})
              filter (where not r.later) as balance,
            max(r.credit * ${decayAt(ledger.creditHalfLifeDays)} + r.debt * ${decayAt(ledger.debtHalfLifeDays)})
              filter (where r.later) as later
          from running r where r.probe group by r.debit_id)
        select d.id as "interactionId", d.customer_id as "customerId", d.debit_type as "debitType",
          g.gesture, g.cost_cents as "costCents",
          -- MRR when the debit happened (the ledger's): a churned customer's is 0 today.
          round(coalesce((select sum(rm.arr_delta_cents) from revenue_movements rm
            where rm.customer_id = d.customer_id and rm.occurred_at <= d.occurred_at), 0) / 12.0)::int as "mrrCents",
          coalesce((select m.to_milestone from milestone_changes m
                    where m.customer_id = d.customer_id and m.at <= d.occurred_at
                    order by m.at desc limit 1), c.milestone) as milestone,
          b.balance, b.later as "balanceLater",
          c.churned_at is not null and c.churned_at <= d.occurred_at + make_interval(days => ${EFFECT_HORIZON_DAYS}) as churned
        from debits d
        join customers c on c.id = d.customer_id
        join balances b on b.debit_id = d.id
        left join lateral (
          select dm.gesture, dm.cost_cents from delight_moments dm
          where dm.prompt_interaction_id = d.id order by dm.occurred_at, dm.id limit 1) g on true
        order by d.id`,
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

const keptEffects = keptFor<ReturnType<typeof delightEffects>>(15 * 60 * 1000);

/** Did the delight work: kept for 15 minutes, as the answer moves only with the months. */
export async function getDelightEffect(db: Queryable) {
  const { value, computedAt } = await keptEffects("book", () => getDebitOutcomes(db).then(delightEffects));
  return { ...value, computedAt };
}
