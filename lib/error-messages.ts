import { createTranslator } from "use-intl/core";
import { createFormat, DEFAULT_FORMAT_OPTIONS } from "@/lib/format";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { advocateRoleName, interactionTypeLabel, milestoneLabel } from "@/lib/i18n/labels";
import errors from "@/messages/en/errors.json";
import labels from "@/messages/en/labels.json";

/**
 * What the app says to people when something cannot be done (lib/errors.ts, the zod schemas in
 * lib/validation, the commands), and what a command says it did (the catalog's "done" group), is a
 * key of the "errors" catalog with its values, not a sentence: it is rendered in English for
 * Error.message, logs and the public API, and in the member's language where a server action
 * answers (server/actions/execute.ts).
 */

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** Every message of messages/en/errors.json: a key that is not there fails `tsc`. */
export type MessageKey = Leaves<typeof errors>;

/** A value shown inside a message: text and numbers as they are, or rendered in the reader's language. */
export type MessageValue =
  | string
  | number
  | Message
  /** For the message's own ICU date format ({monthOfYear, date, ::MMMM}), read in UTC. */
  | Date
  /** An instant, as the reader's medium date ("14 Feb 2026"), in the reader's time zone; `english`: as English writes it. */
  | { readonly date: Date; readonly english?: string }
  /** How long ago, in whole days, in the reader's language ("3 days ago"). */
  | { readonly ago: Date; readonly now?: Date }
  /** A milestone of the ladder by number, by its name in the reader's language ("Converted"). */
  | { readonly milestone: number }
  /** An advocate role: a built-in one in the reader's language, one the team named as they wrote it. */
  | { readonly advocateRole: { readonly key: string; readonly name: string } }
  /** An interaction type: a built-in one in the reader's language, one the team named as they wrote it. */
  | { readonly interactionType: { readonly key: string; readonly label: string } }
  /** Minor units of `currency` (US dollars unless given), as the reader writes money ("$1,200"). */
  | { readonly money: number; readonly currency?: string }
  /** A measured figure with fixed decimals, in the reader's digits ("0.781"); null: "—". */
  | { readonly decimal: number | null; readonly digits: number }
  /** A ratio such as a lift ("3.1×"); null: "—". */
  | { readonly times: number | null }
  /** A share as a percentage, in the reader's style ("42%", "42 %"); null: "—". */
  | { readonly percent: number | null; readonly digits?: number };

export type Message = { readonly key: MessageKey; readonly values?: Readonly<Record<string, MessageValue>> };

/** What an error or a form says: a catalog message, or text given as is (the API's own English). */
export type Text = Message | string;

export function message(key: MessageKey, values?: Record<string, MessageValue>): Message {
  return values ? { key, values } : { key };
}

/** A language to say things in: `say` renders any Text. */
export type Speaker = { readonly locale: string; say(text: Text): string };

type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * A speaker for one language from its catalogs ("errors" and "labels"). Dates inside messages use
 * the reader's time zone; calendar-only values (a month with no day 30) are formatted in UTC.
 */
export function createSpeaker({
  locale,
  messages,
  timeZone = DEFAULT_FORMAT_OPTIONS.timeZone,
  fallback,
}: {
  locale: string;
  messages: { errors: unknown; labels: unknown };
  timeZone?: string;
  /** Says what this catalog lacks (English): a message is never shown as its key. */
  fallback?: Speaker;
}): Speaker {
  const onError = (error: Error) => console.error(`[i18n] ${error.message}`);
  const config = { locale, messages, timeZone: "UTC", ...(fallback ? { onError } : {}) } as const;
  const errors = createTranslator({ ...config, namespace: "errors" } as never) as unknown as Translate & {
    has(key: string): boolean;
  };
  const tl = createTranslator({ ...config, namespace: "labels" } as never) as unknown as Parameters<
    typeof milestoneLabel
  >[0];
  const format = (currency = DEFAULT_FORMAT_OPTIONS.currency) =>
    createFormat({ ...DEFAULT_FORMAT_OPTIONS, locale, timeZone, currency });
  const value = (item: MessageValue): string | number | Date => {
    if (typeof item === "string" || typeof item === "number" || item instanceof Date) return item;
    if ("key" in item) return say(item);
    if ("date" in item) return item.english && locale === "en" ? item.english : format().date(item.date);
    if ("ago" in item) return format().ago(item.ago, item.now);
    if ("advocateRole" in item) return advocateRoleName(tl, item.advocateRole);
    if ("interactionType" in item) return interactionTypeLabel(tl, item.interactionType);
    if ("money" in item) return format(item.currency).money(item.money);
    if ("decimal" in item) return format().decimal(item.decimal, item.digits);
    if ("times" in item) return format().times(item.times);
    if ("percent" in item) return format().percent(item.percent, item.digits);
    return milestoneLabel(tl, item.milestone);
  };
  function say(text: Text): string {
    if (typeof text === "string") return text;
    if (fallback && !errors.has(text.key)) return fallback.say(text);
    const values = text.values && Object.fromEntries(Object.entries(text.values).map(([k, v]) => [k, value(v)]));
    return errors(text.key, values);
  }
  return { locale, say };
}

/** English from messages/en: what Error.message, the logs and the public API say. */
export const english: Speaker = createSpeaker({
  locale: "en",
  messages: { errors: compileCatalog(errors), labels: compileCatalog(labels) },
});

export const inEnglish = (text: Text): string => english.say(text);
