import { DAY_MS, DISPLAY_TIME_ZONE } from "./dates";

/**
 * Every figure and date a person reads is formatted here, one style per kind, in the reader's
 * language, time zone and the book's currency: numbers with the language's separators, a true minus
 * sign (U+2212, which does not wrap away from its number), money in whole units unless there are
 * minor units, dates as "14 Feb 2026" (in English) or the language's own medium date, ranges with
 * the year once unless they cross one, and elapsed days from `Intl.RelativeTimeFormat` ("today",
 * "yesterday", "3 days ago"; "heute", "gestern", "vor 3 Tagen").
 *
 * Pages get theirs from `getFormat()` (server/i18n/format.ts), components from `useFormat()`
 * (components/i18n/use-format.ts).
 */
export type FormatOptions = {
  locale: string;
  timeZone: string;
  /** ISO 4217 code; amounts are stored in its minor units. */
  currency: string;
  /** What "no date at all" reads as: "never". */
  never: string;
};

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = {
  locale: "en",
  timeZone: DISPLAY_TIME_ZONE,
  currency: "USD",
  never: "never",
};

const MINUS = "\u2212";
const withMinus = (text: string) => text.replace(/-/gu, MINUS);

type DateInput = string | Date;
const CALENDAR = /^\d{4}-\d{2}(-\d{2})?$/;

function build({ locale, timeZone, currency, never }: FormatOptions) {
  // English dates read day-first ("14 Feb 2026") whatever the region; other languages use their own.
  const dateLocale = locale.startsWith("en") ? "en-GB" : locale;
  const numberLocale = locale.startsWith("en") ? "en-US" : locale;

  const integer = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
  const fixed = new Map<string, Intl.NumberFormat>();
  const decimalFormat = (digits: number, signed: boolean) => {
    const key = `${digits}:${signed}`;
    let format = fixed.get(key);
    if (!format) {
      format = new Intl.NumberFormat(numberLocale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        signDisplay: signed ? "exceptZero" : "negative",
      });
      fixed.set(key, format);
    }
    return format;
  };
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const percentFormat = (digits: number) => {
    let format = percentFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(numberLocale, {
        style: "percent",
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        signDisplay: "negative",
      });
      percentFormats.set(digits, format);
    }
    return format;
  };
  const weight = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  const moneyOptions = { style: "currency", currency, signDisplay: "negative" } as const;
  const minorDigits = new Intl.NumberFormat(numberLocale, moneyOptions).resolvedOptions().maximumFractionDigits ?? 2;
  const minorPerUnit = 10 ** minorDigits;
  const wholeUnits = new Intl.NumberFormat(numberLocale, { ...moneyOptions, maximumFractionDigits: 0 });
  const withMinorUnits = new Intl.NumberFormat(numberLocale, { ...moneyOptions, minimumFractionDigits: minorDigits });
  const currencySymbol = wholeUnits.formatToParts(0).find((part) => part.type === "currency")?.value ?? currency;

  const dateOptions = {
    date: { day: "numeric", month: "short", year: "numeric" },
    day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
    time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    month: { month: "short", year: "numeric" },
    short: { day: "numeric", month: "short" },
  } satisfies Record<string, Intl.DateTimeFormatOptions>;
  type DateKind = keyof typeof dateOptions;
  const zoned = new Map<string, Intl.DateTimeFormat>();
  // A calendar day ("2026-02-14") or month ("2026-02") is the same day everywhere: it is read and
  // shown in UTC. An instant is shown in the reader's time zone.
  const dateFormat = (kind: DateKind, value: DateInput) => {
    const zone = typeof value === "string" && CALENDAR.test(value) ? "UTC" : timeZone;
    const key = `${kind}:${zone}`;
    let format = zoned.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(dateLocale, { timeZone: zone, ...dateOptions[kind] });
      zoned.set(key, format);
    }
    return format;
  };
  const asDate = (value: DateInput) =>
    new Date(typeof value === "string" && /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value);
  const show = (kind: DateKind, value: DateInput) => dateFormat(kind, value).format(asDate(value));
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });

  const number = (value: number) => withMinus(integer.format(value));
  const decimal = (value: number | null | undefined, digits = 1) =>
    value === null || value === undefined ? "—" : withMinus(decimalFormat(digits, false).format(value));
  const date = (value: DateInput | null) => (value === null ? "—" : show("date", value));
  const time = (value: DateInput) => show("time", value);
  const daysAgo = (days: number | null) => (days === null ? never : relative.format(-Math.max(0, days), "day"));

  return {
    locale,
    timeZone,
    currency,
    /** The currency as its sign where the language has one: "$", "€", "US$". */
    currencySymbol,
    /** How many minor units make one of the currency: 100 for dollars, 1 for yen. */
    minorPerUnit,
    /** 12345 → "12,345"; −3 → "−3". */
    number,
    /** A measured figure with fixed decimals: 1238.25 → "1,238.3", −0.04 → "0.0"; none → "—". */
    decimal,
    /** A change or a balance, always with its sign: "+1,238.3", "−1.0", "0.0". */
    signed: (value: number, digits = 1) => withMinus(decimalFormat(digits, true).format(value)),
    /** An interaction type's weight as set in Settings: "+2", "−3", "+0.5", "0". */
    weight: (value: number) => withMinus(weight.format(value)),
    /** Minor units of the book's currency: 120000 → "$1,200"; 9950 → "$99.50" (never rounded away). */
    money: (minorUnits: number) => {
      const whole = Math.round(minorUnits);
      const format = whole % minorPerUnit === 0 ? wholeUnits : withMinorUnits;
      return withMinus(format.format(whole / minorPerUnit));
    },
    /** 0.1234 → "12.3%" ("12,3 %" in German); null → "—". */
    percent: (value: number | null, digits = 1) =>
      value === null ? "—" : withMinus(percentFormat(digits).format(value)),
    /** A ratio such as a lift: 3.14159 → "3.1×"; null → "—". */
    times: (value: number | null) => (value === null ? "—" : `${decimal(value, 1)}×`),
    /** "14 Feb 2026"; null → "—". */
    date,
    /** "Sat, 14 Feb 2026": a day heading. */
    day: (value: DateInput) => show("day", value),
    /** "09:30" (24-hour). */
    time,
    /** "14 Feb 2026, 09:30". */
    dateTime: (value: DateInput) => `${date(value)}, ${time(value)}`,
    /** "Feb 2026" for a month; a "2026-02" key is read as that month. */
    month: (value: DateInput) => show("month", value),
    /** "14 Feb": a chart tick where the axis already says the year. */
    shortDate: (value: DateInput) => show("short", value),
    /** "3–9 Feb 2026", "28 Jan – 3 Feb 2026": the year once unless the range crosses one. */
    dateRange: (from: DateInput, to: DateInput) =>
      dateFormat("date", from)
        .formatRange(asDate(from), asDate(to))
        .replace(/^(\d{1,2})\s–\s/u, "$1–")
        .replace(/\u2009/gu, " "),
    /** Whole days elapsed: "today", "yesterday", "3 days ago"; null → "never". */
    daysAgo,
    /** How long ago a moment was, in whole days: see daysAgo. */
    ago: (value: DateInput | null, now = new Date()) =>
      value === null ? never : daysAgo(Math.floor((now.getTime() - new Date(value).getTime()) / DAY_MS)),
  };
}

export type Format = ReturnType<typeof build>;

const built = new Map<string, Format>();

/** The formatter for a language, time zone and currency; built once per combination. */
export function createFormat(options: FormatOptions): Format {
  const key = `${options.locale}|${options.timeZone}|${options.currency}|${options.never}`;
  let format = built.get(key);
  if (!format) {
    format = build(options);
    built.set(key, format);
  }
  return format;
}

/** For text no one person reads in their own language: logs, API messages, the audit trail. */
export const plainFormat = createFormat(DEFAULT_FORMAT_OPTIONS);
