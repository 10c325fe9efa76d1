import "server-only";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { quarterStart } from "@/lib/advocacy";
import { type Queryable, queryRows } from "@/db";
import { advocateRoles } from "@/db/schema";
import { balanceSql, decayNowSql } from "@/db/ledger-sql";
import { containsPattern } from "@/db/like-pattern";
import { getSettings } from "@/server/settings/queries";

export async function listAdvocateRoles(db: Queryable, { activeOnly = false } = {}) {
  const query = db.select().from(advocateRoles).orderBy(asc(advocateRoles.name));
  return activeOnly ? query.where(eq(advocateRoles.active, true)) : query;
}

export type RosterEntry = {
  assignmentId: number;
  customerId: number;
  customerName: string;
  company: string | null;
  roleId: number;
  /** The role's key and (possibly renamed) name. */
  roleKey: string;
  roleName: string;
  status: "invited" | "active" | "retired";
  invitedAt: string;
  activatedAt: string | null;
  retiredAt: string | null;
  lastActivity: string | null;
  asksUsed: number;
  capacity: number;
};

export const ROSTER_STATUSES = ["active", "invited", "retired"] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** One page of the roster, narrowed by role, status and name; `page` counts from 1. */
export type RosterQuery = { roleId?: number; status?: RosterStatus; q?: string; page: number; pageSize: number };

// The roster holds everyone invited to or holding a role, and roles retired in the last 90 days.
const ON_ROSTER = sql`(ra.status <> 'retired' or ra.retired_at > now() - interval '90 days')`;
const ROSTER_ORDER = (role: SQL, status: SQL, name: SQL, id: SQL) =>
  sql`${role}, case ${status} when 'active' then 0 when 'invited' then 1 else 2 end, ${name}, ${id}`;

/**
 * Roster entries matching `where`, by role, then active, invited, retired, then name. The page is
 * chosen from the entries alone (each holds its customer's name), so the customer, last activity
 * and asks are looked up for its entries only: sorting 41,700 entries by a name looked up for each
 * took 230 ms.
 */
async function rosterEntries(
  db: Queryable,
  where: SQL,
  paging?: { limit: number; offset: number },
): Promise<RosterEntry[]> {
  const { advocacy } = await getSettings(db, ["advocacy"]);
  return queryRows<RosterEntry>(
    db,
    sql`with chosen as (
          select ra.id, ra.customer_id, ra.role_id, ra.status, ra.invited_at, ra.activated_at, ra.retired_at,
            ra.customer_name, r.key as role_key, r.name as role_name
          from role_assignments ra join advocate_roles r on r.id = ra.role_id
          where ${ON_ROSTER} and ${where}
          order by ${ROSTER_ORDER(sql`r.name`, sql`ra.status`, sql`ra.customer_name`, sql`ra.id`)}
          ${paging ? sql`limit ${paging.limit} offset ${paging.offset}` : sql``})
        select p.id as "assignmentId", p.customer_id as "customerId", p.customer_name as "customerName", c.company,
          p.role_id as "roleId", p.role_key as "roleKey", p.role_name as "roleName", p.status::text as status,
          p.invited_at::text as "invitedAt", p.activated_at::text as "activatedAt", p.retired_at::text as "retiredAt",
          (select max(a.occurred_at)::text from community_activities a where a.customer_id = p.customer_id) as "lastActivity",
          (select count(*)::int from advocate_asks k where k.customer_id = p.customer_id
            and k.asked_at >= ${quarterStart(new Date()).toISOString()}::timestamptz) as "asksUsed",
          coalesce(c.ask_capacity, ${advocacy.askCapacity})::int as capacity
        from chosen p join customers c on c.id = p.customer_id
        order by ${ROSTER_ORDER(sql`p.role_name`, sql`p.status`, sql`p.customer_name`, sql`p.id`)}`,
  );
}

/** One customer's roles on the roster. */
export function getCustomerRoles(db: Queryable, { customerId }: { customerId: number }): Promise<RosterEntry[]> {
  return rosterEntries(db, sql`ra.customer_id = ${customerId}`);
}

/** A page of the roster and how many entries match in all. */
export async function getRosterPage(
  db: Queryable,
  query: RosterQuery,
): Promise<{ entries: RosterEntry[]; total: number }> {
  const where =
    and(
      query.roleId ? sql`ra.role_id = ${query.roleId}` : undefined,
      query.status ? sql`ra.status = ${query.status}` : undefined,
      query.q ? sql`lower(ra.customer_name) like ${containsPattern(query.q.toLowerCase())}` : undefined,
    ) ?? sql`true`;
  const [entries, [{ total }]] = await Promise.all([
    rosterEntries(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from role_assignments ra where ${ON_ROSTER} and ${where}`,
    ),
  ]);
  return { entries, total };
}

/** Each role on the roster, or still open for invitations, with how many hold it, are invited and retired lately. */
export async function getRosterSummary(db: Queryable) {
  return queryRows<{
    roleId: number;
    roleKey: string;
    roleName: string;
    active: number;
    invited: number;
    retired: number;
  }>(
    db,
    sql`select r.id as "roleId", r.key as "roleKey", r.name as "roleName",
          (count(ra.id) filter (where ra.status = 'active'))::int as active,
          (count(ra.id) filter (where ra.status = 'invited'))::int as invited,
          (count(ra.id) filter (where ra.status = 'retired'))::int as retired
        from advocate_roles r
        left join role_assignments ra on ra.role_id = r.id and ${ON_ROSTER}
        group by r.id, r.key, r.name, r.active
        having r.active or count(ra.id) > 0
        order by r.name`,
  );
}

/**
 * Most active advocates of the last 90 days. The activities are counted per customer first and
 * only the leaders are joined to their names: joining first hashed all 100,000 customers (178 → 9 ms).
 */
export async function getLeaderboard(db: Queryable, { limit = 10 } = {}) {
  return queryRows<{
    customerId: number;
    customerName: string;
    activities: number;
    referrals: number;
    lastActivity: string;
  }>(
    db,
    sql`with leaders as (
          select a.customer_id, count(*)::int as activities, (count(*) filter (where a.kind = 'referred_customer'))::int as referrals, max(a.occurred_at) as last_activity
          from community_activities a
          where a.occurred_at > now() - interval '90 days'
          group by a.customer_id
          order by activities desc, referrals desc, last_activity desc, a.customer_id
          limit ${limit})
        select c.id as "customerId", c.name as "customerName", l.activities, l.referrals,
          l.last_activity::text as "lastActivity"
        from leaders l join customers c on c.id = l.customer_id
        order by l.activities desc, l.referrals desc, l.last_activity desc, l.customer_id`,
  );
}

/** Referred customers with their advocate and how far they have come since. */
export async function getReferrals(db: Queryable, { limit = 25 } = {}) {
  return queryRows<{
    customerId: number;
    customerName: string;
    milestone: number;
    status: string;
    signedUpAt: string;
    advocateId: number;
    advocateName: string;
  }>(
    db,
    // The latest referred customers off their own index first, then their advocates.
    sql`with latest as (
          select id from customers where referred_by_id is not null order by signed_up_at desc, id desc limit ${limit})
        select c.id as "customerId", c.name as "customerName", c.milestone::int as milestone, c.status::text as status,
          c.signed_up_at::text as "signedUpAt", a.id as "advocateId", a.name as "advocateName"
        from latest l join customers c on c.id = l.id join customers a on a.id = c.referred_by_id
        order by c.signed_up_at desc, c.id desc`,
  );
}

/**
 * Customers to ask: retained or expanded, a balance of at least the candidate threshold, and no
 * open role. Those who said so (NPS promoter, praise in the last 180 days) come first.
 *
 * The pool is read off the (status, milestone) index with the accumulators in it, and sorted by
 * balance; whether a customer spoke up is then looked up down that order only until enough are
 * found on each side, not for every one of the pool (18,000 of them at 1,000,000 customers).
 */
export async function getCandidates(db: Queryable, { limit = 20 } = {}) {
  const { ledger, advocacy } = await getSettings(db, ["ledger", "advocacy"]);
  const balance = balanceSql(ledger);
  const spokeUp = sql`exists (select 1 from interactions i join interaction_types t on t.id = i.type_id
    where i.customer_id = p.id and t.key in ('nps_promoter', 'praise') and i.occurred_at > now() - interval '180 days')`;
  const firstBy = (said: SQL) =>
    sql`(select p.id, p.balance, ${said} as spoke_up from (select * from pool order by balance desc, id) p
      where ${said} = ${spokeUp} limit ${limit})`;
  return queryRows<{
    id: number;
    name: string;
    company: string | null;
    milestone: number;
    mrrCents: number;
    balance: number;
    spokeUp: boolean;
  }>(
    db,
    sql`with pool as (
          select customers.id, ${balance}::float8 as balance from customers
          where customers.status = 'active' and customers.milestone in (10, 11)
            and ${balance} >= ${advocacy.candidateBalance}
            -- Debt is never positive, so no balance exceeds its credit: a bound the index can range
            -- over, where the balance itself is a filter on every retained customer (69 → 9 ms at 1,000,000).
            and customers.credit_acc >= ${advocacy.candidateBalance}::float8 / ${decayNowSql(ledger.creditHalfLifeDays)}
            and not exists (select 1 from role_assignments ra where ra.customer_id = customers.id and ra.status in ('invited', 'active'))),
        chosen as (
          select * from (${firstBy(sql`true`)} union all ${firstBy(sql`false`)}) both_sides
          order by spoke_up desc, balance desc, id limit ${limit})
        select c.id, c.name, c.company, c.milestone::int as milestone, c.mrr_cents as "mrrCents", ch.balance,
          ch.spoke_up as "spokeUp"
        from chosen ch join customers c on c.id = ch.id
        order by ch.spoke_up desc, ch.balance desc, ch.id`,
  );
}

/** An advocate's last 20 community activities and asks, newest first. */
export async function getAdvocateActivity(db: Queryable, { customerId }: { customerId: number }) {
  const [activities, asks] = await Promise.all([
    queryRows<{
      id: number;
      kind: string;
      occurredAt: string;
      note: string;
      referredId: number | null;
      referredName: string | null;
    }>(
      db,
      sql`select a.id, a.kind::text as kind, a.occurred_at::text as "occurredAt", a.note, r.id as "referredId",
            r.name as "referredName"
          from community_activities a left join customers r on r.id = a.referred_customer_id
          where a.customer_id = ${customerId} order by a.occurred_at desc limit 20`,
    ),
    queryRows<{ id: number; kind: string; askedAt: string; outcome: string; note: string }>(
      db,
      sql`select id, kind::text as kind, asked_at::text as "askedAt", outcome::text as outcome, note from advocate_asks
          where customer_id = ${customerId} order by asked_at desc limit 20`,
    ),
  ]);
  return { activities, asks };
}

/** An advocate's name, their newest role and its status ("invited", Beta tester): the page says it after an invitation. */
export async function getAdvocateStatusLine(db: Queryable, { customerId }: { customerId: number }) {
  const [row] = await queryRows<{
    name: string;
    status: "invited" | "active" | "retired";
    roleKey: string;
    roleName: string;
  }>(
    db,
    sql`select c.name, ra.status::text as status, r.key as "roleKey", r.name as "roleName"
      from customers c join role_assignments ra on ra.customer_id = c.id join advocate_roles r on r.id = ra.role_id
      where c.id = ${customerId} order by ra.id desc limit 1`,
  );
  return row;
}
