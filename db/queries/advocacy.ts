import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { quarterStart } from "@/lib/advocacy";
import { db, queryRows } from "../index";
import { advocateRoles } from "../schema";
import { balanceSql } from "./ledger-sql";
import { getSettings } from "./settings";

export async function listAdvocateRoles({ activeOnly = false } = {}) {
  const query = db.select().from(advocateRoles).orderBy(asc(advocateRoles.name));
  return activeOnly ? query.where(eq(advocateRoles.active, true)) : query;
}

export type RosterEntry = {
  assignment_id: number;
  customer_id: number;
  customer_name: string;
  company: string | null;
  role_id: number;
  role_name: string;
  status: "invited" | "active" | "retired";
  invited_at: string;
  activated_at: string | null;
  retired_at: string | null;
  last_activity: string | null;
  asks_used: number;
  capacity: number;
};

/** Everyone invited to or holding a role (and roles retired in the last 90 days), by role. */
export async function getRoster(customerId?: number): Promise<RosterEntry[]> {
  const { advocacy } = await getSettings(["advocacy"]);
  return queryRows<RosterEntry>(
    db,
    sql`select ra.id as assignment_id, c.id as customer_id, c.name as customer_name, c.company, r.id as role_id, r.name as role_name,
          ra.status::text as status, ra.invited_at::text as invited_at, ra.activated_at::text as activated_at, ra.retired_at::text as retired_at,
          (select max(a.occurred_at)::text from community_activities a where a.customer_id = c.id) as last_activity,
          (select count(*)::int from advocate_asks k where k.customer_id = c.id and k.asked_at >= ${quarterStart(new Date()).toISOString()}::timestamptz) as asks_used,
          coalesce(c.ask_capacity, ${advocacy.askCapacity})::int as capacity
        from role_assignments ra
        join customers c on c.id = ra.customer_id
        join advocate_roles r on r.id = ra.role_id
        where (ra.status <> 'retired' or ra.retired_at > now() - interval '90 days') ${customerId ? sql`and c.id = ${customerId}` : sql``}
        order by r.name, case ra.status when 'active' then 0 when 'invited' then 1 else 2 end, c.name`,
  );
}

/** Most active advocates of the last 90 days: activities and the credit they booked. */
export async function getLeaderboard(limit = 10) {
  return queryRows<{ customer_id: number; customer_name: string; activities: number; referrals: number; last_activity: string }>(
    db,
    sql`select c.id as customer_id, c.name as customer_name, count(*)::int as activities,
          (count(*) filter (where a.kind = 'referred_customer'))::int as referrals, max(a.occurred_at)::text as last_activity
        from community_activities a join customers c on c.id = a.customer_id
        where a.occurred_at > now() - interval '90 days'
        group by c.id, c.name order by activities desc, referrals desc, last_activity desc limit ${limit}`,
  );
}

/** Referred customers with their advocate and how far they have come since. */
export async function getReferrals(limit = 25) {
  return queryRows<{ customer_id: number; customer_name: string; milestone: number; status: string; signed_up_at: string; advocate_id: number; advocate_name: string }>(
    db,
    sql`select c.id as customer_id, c.name as customer_name, c.milestone::int as milestone, c.status::text as status, c.signed_up_at::text as signed_up_at,
          a.id as advocate_id, a.name as advocate_name
        from customers c join customers a on a.id = c.referred_by_id
        order by c.signed_up_at desc, c.id desc limit ${limit}`,
  );
}

/**
 * Customers to ask: retained or expanded, a balance of at least the candidate threshold, and no
 * open role. Those who said so (NPS promoter, praise in the last 180 days) come first.
 */
export async function getCandidates(limit = 20) {
  const { ledger, advocacy } = await getSettings(["ledger", "advocacy"]);
  const balance = balanceSql(ledger);
  return queryRows<{ id: number; name: string; company: string | null; milestone: number; mrr_cents: number; balance: number; spoke_up: boolean }>(
    db,
    sql`select * from (
          select customers.id, customers.name, customers.company, customers.milestone::int as milestone, customers.mrr_cents, ${balance}::float8 as balance,
            exists (select 1 from interactions i join interaction_types t on t.id = i.type_id
              where i.customer_id = customers.id and t.key in ('nps_promoter', 'praise') and i.occurred_at > now() - interval '180 days') as spoke_up
          from customers
          where customers.status = 'active' and customers.milestone in (10, 11)
            and not exists (select 1 from role_assignments ra where ra.customer_id = customers.id and ra.status in ('invited', 'active'))
        ) candidates
        where balance >= ${advocacy.candidateBalance}
        order by spoke_up desc, balance desc, id limit ${limit}`,
  );
}

export async function getAdvocateActivity(customerId: number) {
  const [activities, asks] = await Promise.all([
    queryRows<{ id: number; kind: string; occurred_at: string; note: string; referred_id: number | null; referred_name: string | null }>(
      db,
      sql`select a.id, a.kind::text as kind, a.occurred_at::text as occurred_at, a.note, r.id as referred_id, r.name as referred_name
          from community_activities a left join customers r on r.id = a.referred_customer_id
          where a.customer_id = ${customerId} order by a.occurred_at desc limit 20`,
    ),
    queryRows<{ id: number; kind: string; asked_at: string; outcome: string; note: string }>(
      db,
      sql`select id, kind::text as kind, asked_at::text as asked_at, outcome::text as outcome, note from advocate_asks
          where customer_id = ${customerId} order by asked_at desc limit 20`,
    ),
  ]);
  return { activities, asks };
}
