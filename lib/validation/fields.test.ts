import { describe, expect, it } from "vitest";
import { unstorableText } from "@/lib/storable-text";
import { message } from "@/lib/error-messages";
import { dollarsToCents, parseAmount, parseDecimal, parseId, pastDateTime } from "./fields";

describe("shared field parsing", () => {
  it("ids are digits within the column's range: 7 and '7' yes; '1e3', '0x10', ' 7', '-1', 2³¹ for an integer column no", () => {
    expect([parseId("7"), parseId(7), parseId("2147483647")]).toEqual([7, 7, 2_147_483_647]);
    for (const odd of ["1e3", "0x10", " 7", "-1", "0", "1.5", "", "2147483648", "99999999999", [], ["7"], true, null])
      expect(parseId(odd), String(odd)).toBeNull();
    expect(parseId("32768", "smallint")).toBeNull();
    expect(parseId("99999999999", "bigint")).toBe(99_999_999_999);
  });

  it("typed numbers are plain decimals: '2', '-0.5', '−5' (the typographic minus) and '.5' yes; '0x10', '1e3', 'Infinity', 'NaN' no", () => {
    expect([
      parseDecimal("2"),
      parseDecimal(" -0.5 "),
      parseDecimal("−5"),
      parseDecimal(".5"),
      parseDecimal("+3."),
    ]).toEqual([2, -0.5, -5, 0.5, 3]);
    for (const odd of ["0x10", "1e3", "Infinity", "NaN", "", "1,5", "--1"]) expect(parseDecimal(odd), odd).toBeNull();
  });

  it("amounts are read by their shape, in the English or the German/Turkish way: '99,50' is 99.50, '1.234,56' and '1,234.56' are 1234.56, '1,234' is a thousand", () => {
    const read: [string, number][] = [
      ["99.50", 99.5],
      ["99,50", 99.5],
      ["1,5", 1.5],
      ["1.5", 1.5],
      ["1234", 1234],
      ["0", 0],
      ["1,234", 1234],
      ["1,234.56", 1234.56],
      ["1.234,56", 1234.56],
      ["1,234,567.8", 1234567.8],
      ["1.234.567", 1234567],
      ["1.234.567,89", 1234567.89],
      [" $1,200 ", 1200],
      ["1.234,56 €", 1234.56],
      ["1 234,56", 1234.56],
      ["US$ 99.50", 99.5],
      ["EUR 12,30", 12.3],
      ["１２３，４５", 123.45],
    ];
    expect(read.map(([text]) => [text, parseAmount(text)])).toEqual(read);
    // Ambiguous ("1.234": a German thousand or a three-decimal typo) or malformed: refused, never guessed.
    for (const odd of [
      "1.234",
      "1,2345",
      "12,34.56",
      "1,234,56",
      "1.5,25",
      "1.",
      ",5",
      ".5",
      "+5",
      "1e3",
      "0x10",
      "1,000.5.5",
      "a lot",
      "USD",
      "",
    ])
      expect(parseAmount(odd), odd).toBeNull();
  });

  it("a money field saves minor units from either notation and keeps its messages: '99,50' → 9950 (not 995000), '-1' is negative, '1.234' and 'abc' are not amounts", () => {
    const mrr = dollarsToCents({
      negative: message("customers.mrrNegative"),
      notAmount: message("customers.mrrNotAmount"),
      tooLarge: message("customers.mrrTooLarge"),
    });
    const cents = (text: string) => mrr.safeParse(text).data;
    const problem = (text: string) => mrr.safeParse(text).error?.issues[0]?.message;
    expect(["99,50", "99.50", "1.234,56", "1,234.56", "1,200.50", "1234", "1,5", "0.1", "", "$"].map(cents)).toEqual([
      9950, 9950, 123456, 123456, 120050, 123400, 150, 10, 0, 0,
    ]);
    const notAmount = "Enter MRR as an amount in dollars, like 1200 or 99.50.";
    for (const odd of ["1.234", "1,2345", "abc", "ABC", "1e309", "99.999"]) expect(problem(odd), odd).toBe(notAmount);
    expect(problem("-1")).toBe("MRR cannot be negative.");
    expect(problem("−5,50")).toBe("MRR cannot be negative.");
    expect(problem("99999999999")).toBe("MRR above $10,000,000 a month looks like a typo.");
    expect(problem("10.000.000,01")).toBe("MRR above $10,000,000 a month looks like a typo.");
  });

  it("text PostgreSQL stores exactly is accepted; a NUL or half an emoji is explained", () => {
    expect(unstorableText("'; drop table customers; -- <script> 👩‍👩‍👧‍👦 e\u0301 \u202e")).toBeNull();
    expect(unstorableText("a\u0000b")).toBe("Remove the invisible NUL character: it cannot be stored.");
    expect(unstorableText("half \ud83d emoji")).toBe(
      "This contains a broken character (half of an emoji?): please retype it.",
    );
  });

  it("dates name a day the calendar has: 2024-02-29 and 2026-02-28 yes; 2026-02-29, 2026-02-30 and 2026-04-31 are explained, not rolled over into March or May", () => {
    expect(pastDateTime.parse("2024-02-29T10:00:00Z").toISOString()).toBe("2024-02-29T10:00:00.000Z");
    expect(pastDateTime.parse("2026-02-28T23:30:00-05:00").toISOString()).toBe("2026-03-01T04:30:00.000Z");
    const message = (text: string) => pastDateTime.safeParse(text).error?.issues[0]?.message;
    expect(message("2026-02-29T10:00:00Z")).toBe("February 2026 has no day 29.");
    expect(message("2026-02-30T10:00")).toBe("February 2026 has no day 30.");
    expect(message("2026-04-31T00:00:00.000Z")).toBe("April 2026 has no day 31.");
    expect(message("2026-04-00T00:00:00Z")).toBe("April 2026 has no day 0.");
  });
});
