import { inArray } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import type { Queryable } from "@/db";
import { members } from "@/db/schema";
import { createFormat } from "@/lib/format";
import type { EmailText } from "@/lib/email-text";
import { type AppLocale, DEFAULT_LOCALE, isAppLocale, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { isTimeZone } from "@/lib/i18n/zones";
import { loadMessages } from "@/server/i18n/messages";
import { getSettings } from "@/server/settings/queries";

/** A member's own choices, as stored; null: not chosen. */
type Reader = { locale: string | null; timeZone: string | null };

// As server/i18n/preferences.ts decides for pages (that module reads the request, which a job has not).
const usableLocale = (chosen: string | null): AppLocale | typeof PSEUDO_LOCALE =>
  chosen && (isAppLocale(chosen) || (chosen === PSEUDO_LOCALE && process.env.HOURGLASS_PSEUDO_LOCALE === "on"))
    ? chosen
    : DEFAULT_LOCALE;

/**
 * What a member reads outside a page (emails, the digest, alerts stored for the bell, webhooks):
 * the "emails" messages in their language, "labels" for built-in names, and figures and dates in
 * their time zone (else the book's) and the book's currency.
 */
export async function textFor(reader: Reader, book: { currency: string; timeZone: string }): Promise<EmailText> {
  const locale = usableLocale(reader.locale);
  const messages = await loadMessages(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "emails" }),
    tl: createTranslator({ locale, messages, namespace: "labels" }),
    f: createFormat({
      locale,
      timeZone: reader.timeZone && isTimeZone(reader.timeZone) ? reader.timeZone : book.timeZone,
      currency: book.currency,
      never: messages.format.never,
    }),
  };
}

/** Each member's `textFor`, by id (a member who is not found reads English in the book's time zone). */
export async function textForMembers(db: Queryable, memberIds: readonly number[]): Promise<Map<number, EmailText>> {
  const ids = [...new Set(memberIds)];
  const result = new Map<number, EmailText>();
  if (ids.length === 0) return result;
  const [{ book }, readers] = await Promise.all([
    getSettings(db, ["book"]),
    db
      .select({ id: members.id, locale: members.locale, timeZone: members.timeZone })
      .from(members)
      .where(inArray(members.id, ids)),
  ]);
  const byId = new Map(readers.map((reader) => [reader.id, reader]));
  for (const id of ids) result.set(id, await textFor(byId.get(id) ?? { locale: null, timeZone: null }, book));
  return result;
}

/** One member's `textFor`. */
export async function textForMember(db: Queryable, memberId: number): Promise<EmailText> {
  return (await textForMembers(db, [memberId])).get(memberId) as EmailText;
}
