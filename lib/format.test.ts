import { describe, expect, it } from "vitest";
import { createFormat, plainFormat as f } from "./format";

const MINUS = "\u2212";

describe("one number style", () => {
  it("money shows cents when there are any: 9,950 cents is $99.50, not $100", () => {
    expect(f.money(9950)).toBe("$99.50");
    expect(f.money(120_000)).toBe("$1,200");
    expect(f.money(-500)).toBe(`${MINUS}$5`);
  });

  it("signed figures have separators and a true minus sign: +1,238.3 and −1.0", () => {
    expect(f.signed(1238.3)).toBe("+1,238.3");
    expect(f.signed(-1)).toBe(`${MINUS}1.0`);
    expect(f.signed(-0.04)).toBe("0.0");
    expect(f.decimal(-164)).toBe(`${MINUS}164.0`);
    expect(f.decimal(null)).toBe("—");
  });

  it("no hyphen-minus is ever shown for a negative figure", () => {
    for (const text of [f.signed(-3.5), f.decimal(-2, 2), f.weight(-3), f.money(-1), f.percent(-0.5)])
      expect(text).not.toContain("-");
  });

  it("weights and percentages: +0.5, −3, 12.3%", () => {
    expect(f.weight(0.5)).toBe("+0.5");
    expect(f.weight(-3)).toBe(`${MINUS}3`);
    expect(f.weight(0)).toBe("0");
    expect(f.percent(0.1234)).toBe("12.3%");
  });

  it("the currency's sign where the language has one: $, € in German, CA$ for Canadian dollars in English", () => {
    expect(f.currencySymbol).toBe("$");
    expect(createFormat({ locale: "de", timeZone: "UTC", currency: "EUR", never: "nie" }).currencySymbol).toBe("€");
    expect(createFormat({ locale: "en", timeZone: "UTC", currency: "CAD", never: "never" }).currencySymbol).toBe("CA$");
  });

  it("minor units per unit of the currency: 100 cents to the dollar, 1 for the yen", () => {
    expect(f.minorPerUnit).toBe(100);
    expect(createFormat({ locale: "ja", timeZone: "UTC", currency: "JPY", never: "never" }).minorPerUnit).toBe(1);
  });

  it("counts have separators: 1,000", () => {
    expect(f.number(1000)).toBe("1,000");
  });
});

describe("one date style", () => {
  it("a date is day, short month, year; a day heading adds the weekday; a month is short month and year", () => {
    expect(f.date("2026-02-14T10:00:00Z")).toBe("14 Feb 2026");
    expect(f.day("2026-02-14T10:00:00Z")).toBe("Sat, 14 Feb 2026");
    expect(f.dateTime("2026-02-14T09:05:00Z")).toBe("14 Feb 2026, 09:05");
    expect(f.month("2026-11")).toBe("Nov 2026");
    expect(f.date(null)).toBe("—");
  });

  it("a range names the year once unless it crosses one", () => {
    expect(f.dateRange("2026-02-03T12:00:00Z", "2026-02-09T12:00:00Z")).toBe("3–9 Feb 2026");
    expect(f.dateRange("2026-01-28T12:00:00Z", "2026-02-03T12:00:00Z")).toBe("28 Jan – 3 Feb 2026");
    expect(f.dateRange("2025-12-28T12:00:00Z", "2026-01-03T12:00:00Z")).toBe("28 Dec 2025 – 3 Jan 2026");
  });

  it("elapsed days are worded one way: today, yesterday, 3 days ago, never", () => {
    expect(f.daysAgo(0)).toBe("today");
    expect(f.daysAgo(1)).toBe("yesterday");
    expect(f.daysAgo(3)).toBe("3 days ago");
    expect(f.daysAgo(null)).toBe("never");
    const now = new Date("2026-03-10T12:00:00Z");
    expect(f.ago(new Date("2026-03-07T11:00:00Z"), now)).toBe("3 days ago");
  });
});

describe("in the reader's language, time zone and the book's currency", () => {
  const german = createFormat({ locale: "de", timeZone: "Europe/Berlin", currency: "EUR", never: "nie" });
  const turkish = createFormat({ locale: "tr", timeZone: "Europe/Istanbul", currency: "TRY", never: "hiç" });
  const chinese = createFormat({ locale: "zh-CN", timeZone: "Asia/Shanghai", currency: "CNY", never: "从未" });

  it("German: 1.200 € and 99,50 €, −12.345, 12,3 %, 14. Feb. 2026, vor 3 Tagen, nie", () => {
    expect(german.money(120_000)).toBe("1.200\u00a0€");
    expect(german.money(9_950)).toBe("99,50\u00a0€");
    expect(german.number(-12_345)).toBe(`${MINUS}12.345`);
    expect(german.percent(0.1234)).toBe("12,3\u00a0%");
    expect(german.date("2026-02-14T10:00:00Z")).toBe("14. Feb. 2026");
    expect(german.daysAgo(3)).toBe("vor 3 Tagen");
    expect(german.daysAgo(null)).toBe("nie");
  });

  it("Turkish: ₺1.200, %12,3, 14 Şub 2026, dün", () => {
    expect(turkish.money(120_000)).toBe("₺1.200");
    expect(turkish.percent(0.1234)).toBe("%12,3");
    expect(turkish.date("2026-02-14T10:00:00Z")).toBe("14 Şub 2026");
    expect(turkish.daysAgo(1)).toBe("dün");
  });

  it("Chinese: ¥1,200, 12.3%, 2026年2月14日, 3天前", () => {
    expect(chinese.money(120_000)).toBe("¥1,200");
    expect(chinese.percent(0.1234)).toBe("12.3%");
    expect(chinese.date("2026-02-14T10:00:00Z")).toBe("2026年2月14日");
    expect(chinese.daysAgo(3)).toBe("3天前");
  });

  it("times are the reader's own: 23:30 UTC is 07:30 the next day in Shanghai and 00:30 in Berlin in winter", () => {
    expect(chinese.time("2026-02-14T23:30:00Z")).toBe("07:30");
    expect(chinese.date("2026-02-14T23:30:00Z")).toBe("2026年2月15日");
    expect(german.time("2026-02-14T23:30:00Z")).toBe("00:30");
  });
});
