import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { MEMBER_ROLES } from "@/lib/permissions";
import type { Theme } from "@/lib/i18n/locales";

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
    /** Sessions issued before this moment are signed out (a password change ends the other sessions). */
    sessionsValidAfter: timestamp({ withTimezone: true }),
    /** The TOTP secret (base32); two-factor is on once `totpEnabledAt` is set. */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** The last time step a code was accepted for: a code is good once. */
    totpLastStep: integer(),
    /** SHA-256 of each unused recovery code. */
    recoveryCodeHashes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The member's language (lib/i18n/locales.ts); none: the browser's Accept-Language. */
    locale: text(),
    /** IANA time zone for dates, times, "today" and the 08:00 digest; none: the book's (Settings → Book). */
    timeZone: text(),
    /** "system" follows the device's light or dark setting. */
    theme: text().$type<Theme>().notNull().default("system"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("members_email_key").on(t.email)],
);

export type Member = typeof members.$inferSelect;

/** An admin's invitation: a one-time link (its SHA-256 stored) for the invitee to set their own password. */
export const memberInvitations = pgTable(
  "member_invitations",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: memberRole().notNull(),
    tokenHash: text().notNull(),
    invitedById: integer().references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("member_invitations_token_key").on(t.tokenHash),
    index("member_invitations_email_idx").on(t.email),
  ],
);

export type MemberInvitation = typeof memberInvitations.$inferSelect;
