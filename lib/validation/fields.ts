import { z } from "zod";
import { DAY_MS } from "@/lib/dates";
import { type Message, message, type Text } from "@/lib/error-messages";
import { unstorableReason } from "@/lib/storable-text";
import { fails, say } from "./messages";

/** The message for text PostgreSQL cannot store as sent (lib/storable-text.ts), or null. */
export function unstorableProblem(value: string): Message | null {
  const reason = unstorableReason(value);
  return reason ? message(`field.${reason}`) : null;
}

/** Every text field that reaches the database goes through this: the check runs after trimming and length. */
export function storable(schema: z.ZodString) {
  return schema.superRefine((value, ctx) => {
    const problem = unstorableProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: say(problem) });
  });
}

/** A required text field: trimmed, not empty, at most `max` characters, storable. */
export const requiredText = (max: number, messages: { missing: Message; tooLong: Message }) =>
  storable(z.string(fails(messages.missing)).trim().min(1, fails(messages.missing)).max(max, fails(messages.tooLong)));

/** Empty form fields arrive as "": treat them as not given. `label` starts the sentences ("The note"). */
export const optionalText = (max: number, label: Message) =>
  storable(z.string(fails("field.notText", { label })).trim().max(max, fails("field.tooLong", { label, max })))
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

/** An optional email field: empty means none, anything else must be an address. */
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, fails("field.emailTooLong"))
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: say(message("field.emailInvalid")) });
      return z.NEVER;
    }
    return value;
  });

/** The largest id each column type holds: past it, an id is a typo or a forged request, never a query. */
export const ID_MAX = { smallint: 32_767, integer: 2_147_483_647, bigint: Number.MAX_SAFE_INTEGER } as const;
export type IdColumn = keyof typeof ID_MAX;

/** An id as forms, URLs and JSON send it: digits only (no "1e3", "0x10" or " 7"), from 1 to what the column holds. */
export function parseId(value: unknown, column: IdColumn = "integer"): number | null {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^\d{1,16}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= ID_MAX[column] ? id : null;
}

/** parseId inside a zod transform: the id, or `problem` as the field's issue. */
export function toId(
  value: unknown,
  column: IdColumn,
  problem: Text,
  ctx: { addIssue: (issue: { code: "custom"; message: string }) => void },
) {
  const parsed = parseId(value, column);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: say(problem) });
    return z.NEVER;
  }
  return parsed;
}

// `.optional()` lets a missing field reach the transform, so it gets our message rather than zod's.
/** A required id; `choose` asks for it ("Choose a customer."). */
export const id = (choose: Message, column: IdColumn = "integer") =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => toId(value, column, choose, ctx));

/** An optional id from a select: empty means none. */
export const optionalId = (problem: Message, column: IdColumn = "integer") =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) =>
      value === undefined || value === null || value === "" ? null : toId(value, column, problem, ctx),
    );

/** A number typed in a form: plain decimal notation only ("0x10", "1e3" and "Infinity" are typos), "−" accepted for minus. */
export function parseDecimal(value: string): number | null {
  const text = value.trim().replace(/^\u2212/, "-");
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/**
 * The dates the app records: from 2000 (earlier is a typo, and PostgreSQL's range ends long before
 * JavaScript's) to a day ahead (clocks and time zones differ).
 */
export const EARLIEST_DATE = new Date("2000-01-01T00:00:00Z");
export const isBeforeEarliest = (date: Date) => date.getTime() < EARLIEST_DATE.getTime();
export const isTooFarAhead = (date: Date) => date.getTime() > Date.now() + DAY_MS;

/**
 * The instant a date-time text names. JavaScript quietly rolls 2026-02-30 over to 2 March, so a
 * YYYY-MM-DD… text must also name a day the calendar has: a typo is explained, never stored as another day.
 */
export function toDate(
  value: string,
  invalid: Message,
  ctx: { addIssue: (issue: { code: "custom"; message: string }) => void },
) {
  const date = new Date(value);
  const impossible = impossibleDayMessage(value);
  if (Number.isNaN(date.getTime()) || impossible) {
    ctx.addIssue({ code: "custom", message: say(impossible ?? invalid) });
    return z.NEVER;
  }
  return date;
}

function impossibleDayMessage(text: string): Message | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) return message("field.noSuchMonth", { month });
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day >= 1 && day <= daysInMonth) return null;
  // The month's name in the reader's language: the catalog formats this date ({monthOfYear, date, ::MMMM}) in UTC.
  const monthOfYear = new Date(Date.UTC(2000, month - 1, 1));
  return message("field.noSuchDay", { monthOfYear, year: String(year), day });
}

/** A calendar day written YYYY-MM-DD that the calendar has (no 30 February, no month 13). */
export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && impossibleDayMessage(value) === null;
}

/** An ISO date-time (the browser sends its local time converted to ISO), not more than a day ahead. */
export const pastDateTime = z
  .string(fails("field.dateTimeMissing"))
  .trim()
  .min(1, fails("field.dateTimeMissing"))
  .transform((value, ctx) => toDate(value, message("field.dateTimeInvalid"), ctx))
  .refine((date) => !isTooFarAhead(date), fails("field.dateTooFarAhead"))
  .refine((date) => !isBeforeEarliest(date), fails("field.dateBefore2000"));

/**
 * An amount of money as typed, without its currency sign, spaces or a currency code ("$1,200",
 * "1.234,56 €", "US$ 99.50", full-width digits): what is left, with a leading "-" or "−" when there is one.
 */
function amountText(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\s\p{Sc}]|(?<![A-Za-z])(?:US|[A-Z]{3})(?![A-Za-z])/gu, "")
    .replace(/^\u2212/, "-");
}

/** Digits in groups of three after a first group of one to three, joined by `separator`: "1,234,567". */
const grouped = (separator: "," | ".") => new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`);
const COMMA_GROUPED = grouped(",");
const DOT_GROUPED = grouped(".");

/**
 * An amount of money typed in a form, in either the English or the German/Turkish way, read by its
 * shape so no locale is needed: the decimal separator is the last "." or "," when 1–2 digits follow
 * it, the other mark groups thousands in threes. "99.50", "99,50", "1,5" → 99.5, 99.5, 1.5;
 * "1,234.56", "1.234,56" → 1234.56; "1,234" and "1.234.567" are thousands. Null for anything else,
 * including the ambiguous "1.234" (a German thousand or an English three-decimal typo) and a minus.
 */
export function parseAmount(value: string): number | null {
  const text = amountText(value);
  const decimal = /^(.*)([.,])(\d{1,2})$/.exec(text);
  const whole = decimal ? decimal[1] : text;
  const fraction = decimal ? decimal[3] : "";
  // The grouping mark is the one that is not the decimal separator; without a decimal part, a lone
  // "," groups ("1,234") but a lone "." does not ("1.234" is ambiguous), while "1.234.567" can only group.
  const groups =
    decimal?.[2] === "."
      ? [COMMA_GROUPED]
      : decimal?.[2] === ","
        ? [DOT_GROUPED]
        : [COMMA_GROUPED, /^\d{1,3}(?:\.\d{3}){2,}$/];
  if (!/^\d+$/.test(whole) && !groups.some((pattern) => pattern.test(whole))) return null;
  return Number(`${whole.replace(/[.,]/g, "")}.${fraction || "0"}`);
}

/**
 * An amount in dollars typed in a form, to cents ("1200", "99.50", "99,50", "1.234,56": see
 * parseAmount). The messages name the amount: below zero, not an amount, above $10,000,000.
 */
export const dollarsToCents = (messages: { negative: Message; notAmount: Message; tooLarge: Message }) =>
  z
    .string(fails("field.amountMissing"))
    .trim()
    .transform((value, ctx) => {
      // Nothing but a currency sign is as good as empty; a stray word is not an amount.
      if (value.normalize("NFKC").replace(/[\s\p{Sc}]/gu, "") === "") return 0;
      const text = amountText(value);
      if (/^-/.test(text)) {
        ctx.addIssue({ code: "custom", message: say(messages.negative) });
        return z.NEVER;
      }
      const amount = parseAmount(text);
      if (amount === null) {
        ctx.addIssue({ code: "custom", message: say(messages.notAmount) });
        return z.NEVER;
      }
      const cents = Math.round(amount * 100);
      if (cents > 1_000_000_000) {
        ctx.addIssue({ code: "custom", message: say(messages.tooLarge) });
        return z.NEVER;
      }
      return cents;
    });

export function formDataToObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) object[key] = value;
  }
  return object;
}

/** A checkbox as a form sends it: "on" when ticked, nothing when not. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A whole number typed in a form, from `min` to `max`; `range` says the range. */
export const wholeNumber = (min: number, max: number, range: Message) =>
  z
    .string(fails(range))
    .trim()
    .regex(/^\d{1,6}$/, fails(range))
    .transform(Number)
    .refine((value) => value >= min && value <= max, fails(range));
