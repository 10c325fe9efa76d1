import "server-only";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { balanceSql } from "@/db/ledger-sql";
import { customers, members, playbooks, tasks } from "@/db/schema";
import { addDays, type DueBucket, type TaskPriority, type TaskSource } from "@/lib/tasks";
import { getSettings } from "@/server/settings/queries";

/** Whose tasks: one member's, nobody's, or everyone's. */
export type AssigneeFilter = number | "unassigned" | "all";

export type MyDayQuery = {
  assignee: AssigneeFilter;
  priority?: TaskPriority;
  source?: TaskSource;
  /** The member's calendar day: what is overdue, due today and this week is seen from here. */
  today: string;
  /** Tasks shown per section (one figure for all, or each section's own); the counts cover them all. */
  limit: number | Record<DueBucket, number>;
};

// task_priority is declared from low to urgent, so descending is the most urgent first (and the open tasks' due-day index holds that order).
const MOST_URGENT_FIRST = desc(tasks.priority);

function openTaskConditions(query: Pick<MyDayQuery, "assignee" | "priority" | "source">): SQL | undefined {
  return and(
    eq(tasks.status, "open"),
    query.assignee === "all"
      ? undefined
      : query.assignee === "unassigned"
        ? isNull(tasks.assigneeId)
        : eq(tasks.assigneeId, query.assignee),
    query.priority ? eq(tasks.priority, query.priority) : undefined,
    query.source ? eq(tasks.source, query.source) : undefined,
  );
}

const assignee = alias(members, "assignee");

/** Open tasks as My day lists them: per section (overdue, today, this week, later) the first `limit`, with each customer's balance and risk. */
export async function getMyDay(db: Queryable, query: MyDayQuery) {
  const { ledger, risk } = await getSettings(db, ["ledger", "risk"]);
  const where = openTaskConditions(query);
  // The sections as [from, to) days, one list for both naming a task's section and reading each
  // section's first tasks off the open tasks' due-day index: ranking every open task first sorted
  // and joined all of them (85,750 open tasks: 1.3 s).
  const sections: { name: DueBucket; from: string; to: string }[] = [
    { name: "overdue", from: "-infinity", to: query.today },
    { name: "today", from: query.today, to: addDays(query.today, 1) },
    { name: "week", from: addDays(query.today, 1), to: addDays(query.today, 8) },
    { name: "later", from: addDays(query.today, 8), to: "infinity" },
  ];
  const limitOf = (section: DueBucket) => (typeof query.limit === "number" ? query.limit : query.limit[section]);
  const bucket = sql<string>`case ${sql.join(
    sections.slice(0, -1).map((section) => sql`when ${tasks.dueOn} < ${section.to}::date then ${section.name}`),
    sql` `,
  )} else ${sections[sections.length - 1].name} end`;
  const ranges = sql.join(
    sections.map((section) => sql`(${section.from}::date, ${section.to}::date, ${limitOf(section.name)}::int)`),
    sql`, `,
  );
  const firstOfEachSection = sql`select first.id from (values ${ranges}) as section(from_day, to_day, shown) cross join lateral (
      select ${tasks.id} from ${tasks} where ${where} and ${tasks.dueOn} >= section.from_day and ${tasks.dueOn} < section.to_day
      order by ${tasks.dueOn}, ${MOST_URGENT_FIRST}, ${tasks.id} limit section.shown) first`;
  const [counts, rows] = await Promise.all([
    db
      .select({ bucket, count: sql<number>`count(*)::int` })
      .from(tasks)
      .where(where)
      .groupBy(sql`1`),
    db
      .select({
        id: tasks.id,
        title: tasks.title,
        priority: tasks.priority,
        dueOn: tasks.dueOn,
        source: tasks.source,
        checklist: tasks.checklist,
        note: tasks.note,
        bucket,
        playbookName: playbooks.name,
        assigneeId: tasks.assigneeId,
        assigneeName: assignee.name,
        customerId: customers.id,
        customerName: customers.name,
        customerStatus: customers.status,
        balance: balanceSql(ledger),
        riskScore: customers.riskScore,
      })
      .from(tasks)
      .innerJoin(customers, eq(customers.id, tasks.customerId))
      .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
      .leftJoin(playbooks, eq(playbooks.id, tasks.playbookId))
      .where(sql`${tasks.id} in (${firstOfEachSection})`)
      .orderBy(asc(tasks.dueOn), MOST_URGENT_FIRST, asc(tasks.id)),
  ]);
  return {
    atRiskScore: risk.atRiskScore,
    counts: Object.fromEntries(counts.map((row) => [row.bucket, row.count])) as Record<string, number>,
    tasks: rows,
  };
}

/** A customer's open tasks (soonest first) and the last few closed ones. */
export async function getCustomerTasks(db: Queryable, { customerId }: { customerId: number }) {
  const columns = {
    id: tasks.id,
    title: tasks.title,
    priority: tasks.priority,
    status: tasks.status,
    dueOn: tasks.dueOn,
    source: tasks.source,
    checklist: tasks.checklist,
    note: tasks.note,
    dismissReason: tasks.dismissReason,
    closedAt: tasks.closedAt,
    assigneeId: tasks.assigneeId,
    assigneeName: assignee.name,
    playbookName: playbooks.name,
  };
  const base = () =>
    db
      .select(columns)
      .from(tasks)
      .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
      .leftJoin(playbooks, eq(playbooks.id, tasks.playbookId));
  const [open, closed] = await Promise.all([
    base()
      .where(and(eq(tasks.customerId, customerId), eq(tasks.status, "open")))
      .orderBy(asc(tasks.dueOn), MOST_URGENT_FIRST, asc(tasks.id))
      .limit(50),
    base()
      .where(and(eq(tasks.customerId, customerId), inArray(tasks.status, ["done", "dismissed"])))
      .orderBy(desc(tasks.closedAt), desc(tasks.id))
      .limit(5),
  ]);
  return { open, closed };
}

/** Per customer, how many tasks are open and which suggested steps already are one: the risk list shows both. */
export async function getOpenTaskSummary(db: Queryable, { customerIds }: { customerIds: number[] }) {
  const summary = new Map<number, { open: number; suggestionKeys: string[] }>();
  if (customerIds.length === 0) return summary;
  const rows = await db
    .select({
      customerId: tasks.customerId,
      open: sql<number>`count(*)::int`,
      suggestionKeys: sql<
        string[]
      >`coalesce(array_agg(${tasks.suggestionKey}) filter (where ${tasks.suggestionKey} is not null), '{}')`,
    })
    .from(tasks)
    .where(and(eq(tasks.status, "open"), inArray(tasks.customerId, customerIds)))
    .groupBy(tasks.customerId);
  for (const row of rows) summary.set(row.customerId, { open: row.open, suggestionKeys: row.suggestionKeys });
  return summary;
}
