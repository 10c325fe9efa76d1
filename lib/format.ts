import { DAY_MS, DISPLAY_TIME_ZONE } from "./dates";

/**
 * Every figure and date a person reads is formatted here, one style per kind: numbers with
 * separators, a true minus sign (U+2212, which does not wrap away from its number), money in whole
 * dollars unless there are cents, dates as "14 Feb 2026", ranges with the year once unless they
 * cross one, and elapsed days as "today", "yesterday", "3 days ago".
 */
const LOCALE = "en-US";
const MINUS = "\u2212";

const withMinus = (text: string) => text.replace("-", MINUS);

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimals = new Map<number, Intl.NumberFormat>();
const signedDecimals = new Map<number, Intl.NumberFormat>();

function decimalFormat(digits: number, signed: boolean): Intl.NumberFormat {
  const cache = signed ? signedDecimals : decimals;
  let format = cache.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? "exceptZero" : "negative",
    });
    cache.set(digits, format);
  }
  return format;
}

/** 12345 → "12,345"; −3 → "−3". */
export function formatNumber(value: number): string {
  return withMinus(integer.format(value));
}

/** A measured figure with fixed decimals: 1238.25 → "1,238.3", −0.04 → "0.0"; none → "—". */
export function formatDecimal(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return "—";
  return withMinus(decimalFormat(digits, false).format(value));
}

/** A change or a balance, always with its sign: "+1,238.3", "−1.0", "0.0". */
export function formatSigned(value: number, digits = 1): string {
  return withMinus(decimalFormat(digits, true).format(value));
}

const weight = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, signDisplay: "exceptZero" });

/** An interaction type's weight as set in Settings: "+2", "−3", "+0.5", "0". */
export function formatWeight(value: number): string {
  return withMinus(weight.format(value));
}

const wholeDollars = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
  signDisplay: "negative",
});
const dollarsAndCents = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  signDisplay: "negative",
});

/** 120000 → "$1,200"; 9950 → "$99.50" (cents are shown when there are any, never rounded away). */
export function formatCents(cents: number): string {
  const format = Math.round(cents) % 100 === 0 ? wholeDollars : dollarsAndCents;
  return withMinus(format.format(Math.round(cents) / 100));
}

/** 0.1234 → "12.3%"; null → "—". */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${formatDecimal(value * 100, digits)}%`;
}

/** A ratio such as a lift: 3.14159 → "3.1×"; null → "—". */
export function formatTimes(value: number | null): string {
  return value === null ? "—" : `${formatDecimal(value, 1)}×`;
}

/** A count with its noun in the right number: "1 referral", "3 referrals". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

type DateInput = string | Date;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string, kind: "date" | "day" | "time" | "month" | "short"): Intl.DateTimeFormat {
  const key = `${kind}:${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      date: { day: "numeric", month: "short", year: "numeric" },
      day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
      time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
      month: { month: "short", year: "numeric" },
      short: { day: "numeric", month: "short" },
    };
    format = new Intl.DateTimeFormat("en-GB", { timeZone, ...options[kind] });
    dateFormats.set(key, format);
  }
  return format;
}

/** "14 Feb 2026"; null → "—". */
export function formatDate(value: DateInput | null, timeZone = DISPLAY_TIME_ZONE): string {
  return value === null ? "—" : dateFormat(timeZone, "date").format(new Date(value));
}

/** "Sat, 14 Feb 2026": a day heading. */
export function formatDay(value: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  return dateFormat(timeZone, "day").format(new Date(value));
}

/** "09:30" (24-hour). */
export function formatTime(value: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  return dateFormat(timeZone, "time").format(new Date(value));
}

/** "14 Feb 2026, 09:30". */
export function formatDateTime(value: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  return `${formatDate(value, timeZone)}, ${formatTime(value, timeZone)}`;
}

/** "Feb 2026" for a month; a "2026-02" key is read as that month. */
export function formatMonth(value: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;
  return dateFormat(timeZone, "month").format(new Date(date));
}

/** "14 Feb": a chart tick where the axis already says the year. */
export function formatShortDate(value: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  return dateFormat(timeZone, "short").format(new Date(value));
}

/** "3–9 Feb 2026", "28 Jan – 3 Feb 2026", "28 Dec 2025 – 3 Jan 2026": the year once unless the range crosses one. */
export function formatDateRange(from: DateInput, to: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  return dateFormat(timeZone, "date")
    .formatRange(new Date(from), new Date(to))
    .replace(/^(\d{1,2})\s–\s/u, "$1–")
    .replace(/\u2009/gu, " ");
}

/** Whole days elapsed, in one wording: "today", "yesterday", "3 days ago"; null → "never". */
export function formatDaysAgo(days: number | null): string {
  if (days === null) return "never";
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${formatNumber(days)} days ago`;
}

/** How long ago a moment was, in whole days: see formatDaysAgo. */
export function formatAgo(value: DateInput | null, now = new Date()): string {
  if (value === null) return "never";
  return formatDaysAgo(Math.floor((now.getTime() - new Date(value).getTime()) / DAY_MS));
}
