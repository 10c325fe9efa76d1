import { z } from "zod";
import { DAY_MS } from "@/lib/dates";
import { unstorableText } from "@/lib/storable-text";

/** Every text field that reaches the database goes through this: the check runs after trimming and length. */
export function storable(schema: z.ZodString) {
  return schema.superRefine((value, ctx) => {
    const problem = unstorableText(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** A required text field: trimmed, not empty, at most `max` characters, storable. */
export const requiredText = (max: number, messages: { missing: string; tooLong: string }) =>
  storable(z.string({ message: messages.missing }).trim().min(1, messages.missing).max(max, messages.tooLong));

/** Empty form fields arrive as "": treat them as not given. */
export const optionalText = (max: number, label: string) =>
  storable(
    z
      .string({ message: `${label} must be text.` })
      .trim()
      .max(max, `${label} can have at most ${max} characters.`),
  )
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

/** An optional email field: empty means none, anything else must be an address. */
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "The email can have at most 320 characters.")
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: "Enter a valid email address, like name@company.com." });
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

/** parseId inside a zod transform: the id, or `message` as the field's issue. */
export function toId(
  value: unknown,
  column: IdColumn,
  message: string,
  ctx: { addIssue: (issue: { code: "custom"; message: string }) => void },
) {
  const parsed = parseId(value, column);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return parsed;
}

// `.optional()` lets a missing field reach the transform, so it gets our message rather than zod's.
export const id = (what: string, column: IdColumn = "integer") =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => toId(value, column, `Choose ${what}.`, ctx));

/** An optional id from a select: empty means none. */
export const optionalId = (message: string, column: IdColumn = "integer") =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) =>
      value === undefined || value === null || value === "" ? null : toId(value, column, message, ctx),
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
  invalidMessage: string,
  ctx: { addIssue: (issue: { code: "custom"; message: string }) => void },
) {
  const date = new Date(value);
  const impossible = impossibleDayMessage(value);
  if (Number.isNaN(date.getTime()) || impossible) {
    ctx.addIssue({ code: "custom", message: impossible ?? invalidMessage });
    return z.NEVER;
  }
  return date;
}

function impossibleDayMessage(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) return `There is no month ${month}.`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day >= 1 && day <= daysInMonth) return null;
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
  return `${monthName} ${year} has no day ${day}.`;
}

/** A calendar day written YYYY-MM-DD that the calendar has (no 30 February, no month 13). */
export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && impossibleDayMessage(value) === null;
}

/** An ISO date-time (the browser sends its local time converted to ISO), not more than a day ahead. */
export const pastDateTime = z
  .string({ message: "Enter a date and time." })
  .trim()
  .min(1, "Enter a date and time.")
  .transform((value, ctx) => toDate(value, "Enter a valid date and time.", ctx))
  .refine((date) => !isTooFarAhead(date), "The date is more than a day in the future.")
  .refine((date) => !isBeforeEarliest(date), "The date is before the year 2000.");

/** Money typed in dollars ("1200", "99.50") stored as integer cents. */
/**
 * An amount in dollars typed in a form, to cents. The messages name it: `subject` starts a
 * sentence ("The cost"), `object` ends one ("the cost"), `per` is its period (" a month").
 */
export const dollarsToCents = ({ subject, object, per = "" }: { subject: string; object: string; per?: string }) =>
  z
    .string({ message: "Enter an amount in dollars." })
    .trim()
    .transform((value, ctx) => {
      const text = value.replace(/[$,\s]/g, "");
      if (text === "") return 0;
      if (/^-/.test(text)) {
        ctx.addIssue({ code: "custom", message: `${subject} cannot be negative.` });
        return z.NEVER;
      }
      if (!/^\d+(\.\d{1,2})?$/.test(text)) {
        ctx.addIssue({ code: "custom", message: `Enter ${object} as an amount in dollars, like 1200 or 99.50.` });
        return z.NEVER;
      }
      const cents = Math.round(Number(text) * 100);
      if (cents > 1_000_000_000) {
        ctx.addIssue({ code: "custom", message: `${subject} above $10,000,000${per} looks like a typo.` });
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

/** A whole number typed in a form, from `min` to `max`; `message` says the range. */
export const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
