import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { SAVED_VIEW_LISTS, VIEW_NAME_MAX } from "@/lib/saved-views";
import { members } from "./members";

export const savedViewList = pgEnum("saved_view_list", SAVED_VIEW_LISTS);
export const viewVisibility = pgEnum("view_visibility", ["private", "shared"]);

/** A list's filters and sort kept under a name by a member: for them alone, or shared with the team. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    ownerId: integer()
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    list: savedViewList().notNull(),
    name: text().notNull(),
    /** The list's own URL parameters only (lib/saved-views.ts viewQuery), without the page. */
    query: text().notNull().default(""),
    visibility: viewVisibility().notNull().default("private"),
    /** Shown in the owner's navigation under "Views". */
    pinned: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("saved_views_name_length", sql`char_length(${t.name}) between 1 and ${sql.raw(String(VIEW_NAME_MAX))}`),
    // "Big accounts" and "big accounts" on the same list would be two views nobody can tell apart.
    uniqueIndex("saved_views_owner_list_name_key").on(t.ownerId, t.list, sql`lower(${t.name})`),
    index("saved_views_shared_idx")
      .on(t.list)
      .where(sql`${t.visibility} = 'shared'`),
    index("saved_views_pinned_idx")
      .on(t.ownerId)
      .where(sql`${t.pinned}`),
  ],
);

export type SavedView = typeof savedViews.$inferSelect;
