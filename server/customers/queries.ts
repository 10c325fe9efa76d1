import "server-only";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { customers, customerSearch, members } from "@/db/schema";
import { COUNT_AHEAD, countUpTo } from "@/db/capped-count";
import { balanceSql } from "@/db/ledger-sql";
import { containsPattern, startsWithPattern } from "@/db/like-pattern";
import { getSettings } from "@/server/settings/queries";
import { countTallied } from "./tallies";

export const CUSTOMER_SORTS = ["name", "mrr", "balance", "milestone", "lastActivity", "signedUp"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export type CustomerListQuery = {
  q?: string;
  ownerId?: number;
  milestoneRange?: { from: number; to: number };
  status?: "active" | "churned";
  plan?: string;
  balanceBelow?: number;
  sort: CustomerSort;
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};

/**
 * Customers whose name, email or company contains `text` (lower case). `ids` reads the matching ids
 * from customer_search's trigram index, then each customer by id: what a count, an id-ordered read
 * or a page of few matches wants. `row` tests each customer's own columns: a page sorted by name
 * walks `customers_name_idx`, which holds all three, and stops at the page's last match when
 * matches are many (page 1 of "Fischer" at 100,000 customers: 2 ms, against 15 ms fetching and
 * sorting every match; as a join to customer_search, 198 ms).
 */
function searchMatches(text: string, plan: SearchPlan): SQL {
  if (plan === "ids")
    return sql`${customers.id} = any(array(select ${customerSearch.customerId} from ${customerSearch}
        where ${searchTextMatches(text)}))`;
  // The pattern as a subquery: the planner then assumes a default share of matches (0.5 %) and walks
  // the index. With the pattern in sight it read the expression's sampled histogram, which may hold
  // no "fischer" at all, and sorted every customer instead (170 ms at 100,000).
  return sql`customer_search_text(${customers.name}, ${customers.email}, ${customers.company}) like (select ${containsPattern(text)}::text)`;
}

/** customer_search rows whose text contains `text` (lower case), off the trigram index. */
function searchTextMatches(text: string): SQL {
  return sql`${customerSearch.text} like ${containsPattern(text)}`;
}

type SearchPlan = "ids" | "row";

/** The list's filters other than the search; `balance` is the balance SQL. */
function filterConditions(query: CustomerListQuery, balance: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (query.ownerId) conditions.push(eq(customers.ownerId, query.ownerId));
  if (query.milestoneRange)
    conditions.push(sql`${customers.milestone} between ${query.milestoneRange.from} and ${query.milestoneRange.to}`);
  if (query.status) conditions.push(eq(customers.status, query.status));
  if (query.plan) conditions.push(eq(customers.plan, query.plan));
  if (query.balanceBelow !== undefined) conditions.push(sql`${balance} < ${query.balanceBelow}`);
  return conditions;
}

/** The customers the list's search and filters keep (sort and page aside); `balance` is the balance SQL. */
function customerListWhere(query: CustomerListQuery, balance: SQL, search: SearchPlan = "ids"): SQL | undefined {
  const q = query.q?.trim();
  return and(q ? searchMatches(q.toLowerCase(), search) : undefined, ...filterConditions(query, balance));
}

/** One page of the customer list with its total, filtered and sorted in SQL. */
export async function listCustomers(db: Queryable, query: CustomerListQuery) {
  const { ledger } = await getSettings(db, ["ledger"]);
  const balance = balanceSql(ledger);
  const where = customerListWhere(query, balance);

  const sortColumn: Record<CustomerSort, SQL | typeof customers.name> = {
    name: customers.name,
    mrr: sql`${customers.mrrCents}`,
    balance,
    milestone: sql`${customers.milestone}`,
    lastActivity: sql`${customers.lastInboundAt}`,
    signedUp: sql`${customers.signedUpAt}`,
  };
  const order = query.direction === "asc" ? asc : desc;
  // Only last activity can be empty: people never seen come first ascending, last descending.
  const nulls = query.sort !== "lastActivity" ? sql`` : query.direction === "asc" ? sql`nulls first` : sql`nulls last`;

  const orderBy = [sql`${order(sortColumn[query.sort])} ${nulls}`, order(customers.id)];
  const q = query.q?.trim();
  const searched = Boolean(q) || query.balanceBelow !== undefined;
  // Without a search or a balance bound every filter is a key of the book's tallies; a search
  // counts only so far past the page ("Fischer" matches 26,250 of 1,000,000: 240 ms to count all).
  // A search and nothing else is counted in customer_search alone, which stops at the cap; with a
  // filter too, every match's id is read first ("fischer" at 1,000,000 customers: 13 against 110–630 ms).
  const searchOnly = q && filterConditions(query, balance).length === 0;
  const counting = searched
    ? countUpTo(db, {
        matching: searchOnly
          ? sql`select 1 from ${customerSearch} where ${searchTextMatches(q.toLowerCase())}`
          : sql`select 1 from ${customers} where ${where}`,
        cap: query.page * query.pageSize + COUNT_AHEAD,
      })
    : countTallied(db, query).then((total) => ({ total, more: false }));
  // A search sorted by name walks the name index when it matches more than the count looks at: the
  // walk then stops soon. Fewer matches are fetched by id and sorted (a rare word walked all
  // 100,000 names: 110 ms, against 1 ms).
  const walk = Boolean(q) && query.sort === "name" && (await counting).more;
  // Deferred join: the page's ids first (on page 2,000 that is 50,000 index entries, not 50,000
  // rows with their balance worked out), then the rows of those ids alone.
  const pageIds = db
    .select({ id: customers.id })
    .from(customers)
    .where(walk ? customerListWhere(query, balance, "row") : where)
    .orderBy(...orderBy)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .as("page_ids");
  const [rows, total] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        company: customers.company,
        plan: customers.plan,
        mrrCents: customers.mrrCents,
        status: customers.status,
        milestone: customers.milestone,
        lastInboundAt: customers.lastInboundAt,
        ownerName: members.name,
        balance,
      })
      .from(customers)
      .innerJoin(pageIds, eq(pageIds.id, customers.id))
      .leftJoin(members, eq(members.id, customers.ownerId))
      .orderBy(...orderBy),
    counting,
  ]);
  return { rows, ...total };
}

/** How many customers the command palette offers for what was typed. */
export const CUSTOMER_SEARCH_LIMIT = 8;

/**
 * Customers whose name, email or company contains `q` (the customer list's search, read from
 * customer_search alone), names starting with it first: only what a search result shows.
 */
export async function searchCustomers(
  db: Queryable,
  { q, limit = CUSTOMER_SEARCH_LIMIT }: { q: string; limit?: number },
): Promise<{ id: number; name: string; company: string | null; email: string | null }[]> {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  return db
    .select({
      id: customerSearch.customerId,
      name: customerSearch.name,
      company: customerSearch.company,
      email: customerSearch.email,
    })
    .from(customerSearch)
    .where(sql`${customerSearch.text} like ${containsPattern(text)}`)
    .orderBy(
      sql`lower(${customerSearch.name}) like ${startsWithPattern(text)} desc`,
      asc(customerSearch.name),
      asc(customerSearch.customerId),
    )
    .limit(limit);
}

/**
 * The ids of every customer the list shows with these filters (all pages), in id order: what
 * "select all matching" means. At most `limit`, so a caller can tell "more than it takes".
 */
export async function getCustomerListIds(
  db: Queryable,
  { query, limit }: { query: CustomerListQuery; limit: number },
): Promise<number[]> {
  const { ledger } = await getSettings(db, ["ledger"]);
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(customerListWhere(query, balanceSql(ledger)))
    .orderBy(asc(customers.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** One customer with its owner's and referrer's names and its balance now; undefined when there is none. */
export async function getCustomer(db: Queryable, { id }: { id: number }) {
  const { ledger } = await getSettings(db, ["ledger"]);
  const referrer = alias(customers, "referrer");
  const [row] = await db
    .select({
      customer: customers,
      ownerName: members.name,
      referrerName: referrer.name,
      balance: balanceSql(ledger),
    })
    .from(customers)
    .leftJoin(members, eq(members.id, customers.ownerId))
    .leftJoin(referrer, eq(referrer.id, customers.referredById))
    .where(eq(customers.id, id))
    .limit(1);
  return row;
}

export type CustomerRow = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;
