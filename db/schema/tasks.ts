import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from "@/lib/tasks";
import { PLAYBOOK_TRIGGERS } from "@/lib/playbooks";
import { customers } from "./customers";
import { members } from "./members";

export const taskStatus = pgEnum("task_status", TASK_STATUSES);
export const taskPriority = pgEnum("task_priority", TASK_PRIORITIES);
export const taskSource = pgEnum("task_source", TASK_SOURCES);
export const playbookTrigger = pgEnum("playbook_trigger", PLAYBOOK_TRIGGERS);

export type ChecklistItem = { text: string; done: boolean };

/**
 * A playbook: when its trigger fires for a customer, a task from its template (and, with an email
 * step, an outreach email). `triggerConfig` holds the trigger's parameter: a debit type or a number of days.
 */
export const playbooks = pgTable("playbooks", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
  trigger: playbookTrigger().notNull(),
  triggerTypeKey: text(),
  triggerDays: smallint(),
  taskTitle: text().notNull(),
  checklist: text().array().notNull().default([]),
  dueInDays: smallint().notNull().default(3),
  priority: taskPriority().notNull().default("normal"),
  /** Null: the customer's owner. */
  assigneeId: integer().references(() => members.id, { onDelete: "set null" }),
  /** The optional email step: sent to the customer when the playbook fires, unless that would over-contact. */
  emailSubject: text(),
  emailBody: text(),
  /** A state trigger's last periodic pass: the next looks only at customers whose condition can have changed since. */
  stateCheckedAt: timestamp({ withTimezone: true }),
  /** What that pass's condition depended on (the playbook, the threshold, the stages' targets): when it differs, the next pass looks at everyone. */
  stateBasis: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const tasks = pgTable(
  "tasks",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    assigneeId: integer().references(() => members.id, { onDelete: "set null" }),
    title: text().notNull(),
    priority: taskPriority().notNull().default("normal"),
    status: taskStatus().notNull().default("open"),
    dueOn: date({ mode: "string" }).notNull(),
    source: taskSource().notNull(),
    playbookId: integer().references(() => playbooks.id, { onDelete: "set null" }),
    /** The API caller's idempotency key: a task sent again with it is not created twice. */
    externalId: text(),
    payloadHash: text(),
    /** The suggested next step a task came from (lib/risk.ts NextStep key). */
    suggestionKey: text(),
    checklist: jsonb().$type<ChecklistItem[]>().notNull().default([]),
    note: text().notNull().default(""),
    dismissReason: text(),
    createdById: integer().references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    closedById: integer().references(() => members.id, { onDelete: "set null" }),
    /** What came of it, said when the task was completed: shown on the customer's timeline. */
    outcome: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("tasks_dismiss_reason", sql`${t.status} <> 'dismissed' or ${t.dismissReason} is not null`),
    // A customer has at most one open task per playbook and per suggested step: firing twice is a no-op.
    uniqueIndex("tasks_open_playbook_key")
      .on(t.playbookId, t.customerId)
      .where(sql`${t.status} = 'open' and ${t.playbookId} is not null`),
    uniqueIndex("tasks_open_suggestion_key")
      .on(t.customerId, t.suggestionKey)
      .where(sql`${t.status} = 'open' and ${t.suggestionKey} is not null`),
    uniqueIndex("tasks_external_id_key")
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
    index("tasks_open_assignee_due_idx")
      .on(t.assigneeId, t.dueOn, t.id)
      .where(sql`${t.status} = 'open'`),
    index("tasks_open_due_idx")
      .on(t.dueOn, t.priority.desc().nullsFirst(), t.id)
      .where(sql`${t.status} = 'open'`),
    index("tasks_customer_idx").on(t.customerId, t.status),
    index("tasks_closed_idx")
      .on(t.customerId, t.closedAt.desc().nullsFirst(), t.id)
      .where(sql`${t.closedAt} is not null`),
  ],
);

/**
 * Customers for whom a playbook's condition holds right now (risk at or above the threshold, silent
 * N days, …). A playbook fires when a customer enters this set and not again until they have left it.
 */
/**
 * Customers whose state triggers may have changed, kept by triggers on `customers` (migration
 * 0018): every inserted customer, and every update of a column a state condition reads. The
 * periodic playbook pass takes them out and evaluates them with those who crossed a silence or
 * stage target with time alone.
 */
export const playbookCandidates = pgTable("playbook_candidates", {
  customerId: integer()
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
});

export const playbookMatches = pgTable(
  "playbook_matches",
  {
    playbookId: integer()
      .notNull()
      .references(() => playbooks.id, { onDelete: "cascade" }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    since: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.playbookId, t.customerId] })],
);

export type Task = typeof tasks.$inferSelect;
export type Playbook = typeof playbooks.$inferSelect;
