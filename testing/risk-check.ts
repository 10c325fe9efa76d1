import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { DAY_MS } from "@/lib/dates";
import { balanceFromInteractions } from "@/lib/ledger";
import { riskScore } from "@/lib/risk";
import type { Settings } from "@/lib/settings";

/** A customer's interactions as raw rows: weight (its own or its type's), time and direction. */
export type RawInteraction = { customerId: number; weight: number; at: Date; direction: string };

export async function rawInteractions(customerIds?: readonly number[]): Promise<RawInteraction[]> {
  const only = customerIds ? sql`where i.customer_id = any(${`{${customerIds.join(",")}}`}::int[])` : sql``;
  const rows = await queryRows<{ customerId: number; weight: number; at: string; direction: string }>(
    db,
    sql`select i.customer_id as "customerId", coalesce(i.weight_override, t.default_weight)::float8 as weight,
          i.occurred_at::text as at, i.direction::text as direction
        from interactions i join interaction_types t on t.id = i.type_id ${only}`,
  );
  return rows.map((r) => ({ ...r, weight: Number(r.weight), at: new Date(r.at) }));
}

/**
 * The risk score lib/risk.ts gives a customer at `at`, with every input recomputed from raw rows
 * in plain JavaScript (balance, its 30-day trend, silence, fatigue): what a stored score must equal.
 */
export function riskFromRaw(
  entries: readonly RawInteraction[],
  customer: { status: string; convertedAt: Date | null },
  at: Date,
  { ledger, risk }: Pick<Settings, "ledger" | "risk">,
): number {
  if (customer.status !== "active") return 0;
  const upTo = (t: Date) => entries.filter((e) => e.at <= t);
  const balance = balanceFromInteractions(entries, at, ledger);
  const monthAgo = new Date(at.getTime() - 30 * DAY_MS);
  const balanceMonthAgo = balanceFromInteractions(upTo(monthAgo), monthAgo, ledger);
  const lastInbound = Math.max(...entries.filter((e) => e.direction === "inbound").map((e) => e.at.getTime()));
  const unanswered = entries.filter(
    (e) =>
      e.direction === "outbound" &&
      e.at.getTime() > at.getTime() - risk.fatigueWindowDays * DAY_MS &&
      e.at.getTime() > lastInbound,
  ).length;
  return riskScore(
    {
      balance,
      trend: balance - balanceMonthAgo,
      silentDays: Number.isFinite(lastInbound) ? Math.floor((at.getTime() - lastInbound) / DAY_MS) : null,
      paying: customer.convertedAt !== null,
      fatigued: unanswered >= risk.fatigueContacts,
    },
    risk,
  );
}
