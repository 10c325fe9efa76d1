import "server-only";
import { sql } from "drizzle-orm";
import { balanceAt, type HalfLives, LEDGER_EPOCH_MS } from "@/lib/ledger";
import { db, queryRows } from "../index";

const DAY_MS = 86_400_000;
const EPOCH = new Date(LEDGER_EPOCH_MS).toISOString();

export type BalancePoint = { day: string; balance: number };
export type BalanceMarker = { day: string; kind: "delight" | "milestone"; label: string };

/**
 * A customer's balance at the end of each of the last `days` days. Walks back from the stored
 * accumulators, taking out what each later day added, so it reads only the window's interactions.
 */
export async function getBalanceHistory(
  customer: { id: number; creditAcc: number; debtAcc: number },
  halfLives: HalfLives,
  days = 90,
  now = new Date(),
): Promise<{ points: BalancePoint[]; markers: BalanceMarker[] }> {
  const windowStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const age = sql`extract(epoch from (i.occurred_at - ${EPOCH}::timestamptz)) / 86400.0`;
  const [perDay, markers] = await Promise.all([
    queryRows<{ day: number; credit: number; debt: number }>(
      db,
      sql`select floor(extract(epoch from i.occurred_at) / 86400)::int as day,
          coalesce(sum(w.weight * power(2::float8, ${age} / ${halfLives.creditHalfLifeDays}::float8)) filter (where w.weight > 0), 0)::float8 as credit,
          coalesce(sum(w.weight * power(2::float8, ${age} / ${halfLives.debtHalfLifeDays}::float8)) filter (where w.weight < 0), 0)::float8 as debt
        from interactions i join interaction_types t on t.id = i.type_id
        cross join lateral (select coalesce(i.weight_override, t.default_weight) as weight) w
        where i.customer_id = ${customer.id} and i.occurred_at >= ${windowStart.toISOString()}::timestamptz
        group by 1`,
    ),
    queryRows<{ day: string; kind: "delight" | "milestone"; label: string }>(
      db,
      sql`(select to_char(d.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, 'delight' as kind, d.gesture as label
          from delight_moments d where d.customer_id = ${customer.id} and d.occurred_at >= ${windowStart.toISOString()}::timestamptz)
        union all
        (select to_char(mc.at at time zone 'UTC', 'YYYY-MM-DD'), 'milestone', mc.to_milestone::text
          from milestone_changes mc where mc.customer_id = ${customer.id} and mc.at >= ${windowStart.toISOString()}::timestamptz)`,
    ),
  ]);

  const added = new Map(perDay.map((row) => [row.day, { credit: Number(row.credit), debt: Number(row.debt) }]));
  const firstDay = Math.floor(windowStart.getTime() / DAY_MS);
  const lastDay = Math.max(firstDay + days - 1, ...perDay.map((row) => row.day));
  let acc = { creditAcc: customer.creditAcc, debtAcc: customer.debtAcc };
  const points: BalancePoint[] = [];
  for (let day = lastDay; day >= firstDay; day--) {
    if (day < firstDay + days) {
      const endOfDay = new Date(Math.min((day + 1) * DAY_MS, now.getTime()));
      points.push({ day: new Date(day * DAY_MS).toISOString().slice(0, 10), balance: balanceAt(acc, endOfDay, halfLives) });
    }
    const delta = added.get(day);
    if (delta) acc = { creditAcc: acc.creditAcc - delta.credit, debtAcc: acc.debtAcc - delta.debt };
  }
  return { points: points.reverse(), markers };
}
