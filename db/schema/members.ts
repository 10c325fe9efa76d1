import { boolean, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { MEMBER_ROLES } from "@/lib/permissions";

export const memberRole = pgEnum("member_role", MEMBER_ROLES);

export const members = pgTable(
  "members",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    name: text().notNull(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    role: memberRole().notNull().default("viewer"),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("members_email_key").on(t.email)],
);

export type Member = typeof members.$inferSelect;
