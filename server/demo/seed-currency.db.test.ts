import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { createFormat } from "@/lib/format";
import { getSettings } from "@/server/settings/queries";
import { seedDemo } from "./seed";

describe("a demo book in euros", () => {
  it("seeded with EUR and Europe/Berlin, the book's settings say so and a German reader sees 1.200 € for 120,000 minor units", async () => {
    await seedDemo({
      customers: 20,
      seed: 7,
      now: new Date("2026-11-23T00:00:00Z"),
      book: { currency: "EUR", timeZone: "Europe/Berlin" },
    });
    const { book } = await getSettings(db, ["book"]);
    expect(book).toEqual({ currency: "EUR", timeZone: "Europe/Berlin" });
    const german = createFormat({ locale: "de", timeZone: book.timeZone, currency: book.currency, never: "nie" });
    expect(german.money(120_000)).toBe("1.200\u00a0€");
    expect(german.money(9_950)).toBe("99,50\u00a0€");
  });
});
