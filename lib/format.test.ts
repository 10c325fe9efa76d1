import { describe, expect, it } from "vitest";
import {
  countOf,
  formatAgo,
  formatCents,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDay,
  formatDaysAgo,
  formatDecimal,
  formatMonth,
  formatPercent,
  formatSigned,
  formatWeight,
} from "./format";

const MINUS = "\u2212";

describe("one number style", () => {
  it("money shows cents when there are any: 9,950 cents is $99.50, not $100", () => {
    expect(formatCents(9950)).toBe("$99.50");
    expect(formatCents(120_000)).toBe("$1,200");
    expect(formatCents(-500)).toBe(`${MINUS}$5`);
  });

  it("signed figures have separators and a true minus sign: +1,238.3 and −1.0", () => {
    expect(formatSigned(1238.3)).toBe("+1,238.3");
    expect(formatSigned(-1)).toBe(`${MINUS}1.0`);
    expect(formatSigned(-0.04)).toBe("0.0");
    expect(formatDecimal(-164)).toBe(`${MINUS}164.0`);
    expect(formatDecimal(null)).toBe("—");
  });

  it("no hyphen-minus is ever shown for a negative figure", () => {
    for (const text of [
      formatSigned(-3.5),
      formatDecimal(-2, 2),
      formatWeight(-3),
      formatCents(-1),
      formatPercent(-0.5),
    ])
      expect(text).not.toContain("-");
  });

  it("weights and percentages: +0.5, −3, 12.3%", () => {
    expect(formatWeight(0.5)).toBe("+0.5");
    expect(formatWeight(-3)).toBe(`${MINUS}3`);
    expect(formatWeight(0)).toBe("0");
    expect(formatPercent(0.1234)).toBe("12.3%");
  });

  it("counts take the right noun: 1 referral, 1,000 referrals", () => {
    expect(countOf(1, "referral")).toBe("1 referral");
    expect(countOf(1000, "referral")).toBe("1,000 referrals");
  });
});

describe("one date style", () => {
  it("a date is day, short month, year; a day heading adds the weekday; a month is short month and year", () => {
    expect(formatDate("2026-02-14T10:00:00Z")).toBe("14 Feb 2026");
    expect(formatDay("2026-02-14T10:00:00Z")).toBe("Sat, 14 Feb 2026");
    expect(formatDateTime("2026-02-14T09:05:00Z")).toBe("14 Feb 2026, 09:05");
    expect(formatMonth("2026-11")).toBe("Nov 2026");
    expect(formatDate(null)).toBe("—");
  });

  it("a range names the year once unless it crosses one", () => {
    expect(formatDateRange("2026-02-03T12:00:00Z", "2026-02-09T12:00:00Z")).toBe("3–9 Feb 2026");
    expect(formatDateRange("2026-01-28T12:00:00Z", "2026-02-03T12:00:00Z")).toBe("28 Jan – 3 Feb 2026");
    expect(formatDateRange("2025-12-28T12:00:00Z", "2026-01-03T12:00:00Z")).toBe("28 Dec 2025 – 3 Jan 2026");
  });

  it("elapsed days are worded one way: today, yesterday, 3 days ago, never", () => {
    expect(formatDaysAgo(0)).toBe("today");
    expect(formatDaysAgo(1)).toBe("yesterday");
    expect(formatDaysAgo(3)).toBe("3 days ago");
    expect(formatDaysAgo(null)).toBe("never");
    const now = new Date("2026-03-10T12:00:00Z");
    expect(formatAgo(new Date("2026-03-07T11:00:00Z"), now)).toBe("3 days ago");
  });
});
