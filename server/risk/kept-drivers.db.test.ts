import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { interactions } from "@/db/schema";
import { executeAction } from "@/server/actions/execute";
import { eraseCustomer } from "@/server/customers/privacy";
import { editInteraction, logInteraction } from "@/server/ledger/commands";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { DAY_MS } from "@/lib/dates";
import { loadRiskPage } from "./page";
import { getRiskDrivers } from "./queries";

describe("the risk list's reasons, kept between views", () => {
  it("show at once a new debit, an edited summary and a summary blanked by another customer's erasure — the same as reading them afresh", async () => {
    const owner = await createMember({ role: "csm" });
    const admin = asSessionMember(await createMember({ role: "admin" }));
    const csm = asSessionMember(owner);
    const customer = await createCustomer({ milestone: 9, ownerId: owner.id });
    const mentioned = await createCustomer({ name: "Quirin Mentioned", milestone: 9 });
    const log = async (typeKey: string, daysAgo: number, summary: string) => {
      const logged = await executeAction(logInteraction, csm, {
        customerId: String(customer.id),
        typeKey,
        occurredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
        channel: "email",
        direction: "inbound",
        summary,
        weight: "",
      });
      expect(logged.ok).toBe(true);
    };
    await log("complaint", 2, "Angry about the invoice");
    await log("complaint", 3, "Angry again");
    await log("complaint", 4, "Still angry");
    const reasons = async () => {
      const page = await loadRiskPage(db, {
        ownerId: owner.id,
        sort: "risk",
        direction: "desc",
        page: 1,
        pageSize: 25,
      });
      const row = page.rows.find((r) => r.id === customer.id);
      expect(row, "the customer is on the at-risk list").toBeDefined();
      const afresh = (await getRiskDrivers(db, { customerIds: [customer.id] })).get(customer.id) ?? [];
      // Read a moment apart: the same reasons, their weights decayed by a hair.
      const drivers = row?.drivers ?? [];
      expect(drivers.map(({ daysAgo: _, impact: __, ...driver }) => driver)).toEqual(
        afresh.map(({ impact: _, ...driver }) => driver),
      );
      drivers.forEach((driver, index) => expect(driver.impact).toBeCloseTo(afresh[index].impact, 3));
      return drivers;
    };

    // Three complaints this week: one reason, the newest one's summary.
    expect((await reasons()).map((d) => [d.typeKey, d.count, d.summary])).toEqual([
      ["complaint", 3, "Angry about the invoice"],
    ]);
    // A second view within the minute still reads the same.
    expect((await reasons()).map((d) => d.summary)).toEqual(["Angry about the invoice"]);

    // A new debit today.
    await log("outage", 0, "Down for an hour");
    expect((await reasons()).map((d) => d.typeKey)).toContain("outage");

    // An edit of the newest complaint's summary, and only its summary.
    const [newest] = await db.select().from(interactions).where(eq(interactions.summary, "Angry about the invoice"));
    const edited = await executeAction(editInteraction, csm, {
      interactionId: String(newest.id),
      typeKey: "complaint",
      occurredAt: newest.occurredAt.toISOString(),
      channel: newest.channel,
      direction: newest.direction,
      summary: "Angry about the invoice Quirin Mentioned sent",
      weight: "",
    });
    expect(edited).toMatchObject({ ok: true });
    expect((await reasons()).find((d) => d.typeKey === "complaint")?.summary).toBe(
      "Angry about the invoice Quirin Mentioned sent",
    );

    // Another customer erased: a summary that names them is blanked here too.
    const erased = await executeAction(eraseCustomer, admin, { customerId: mentioned.id, confirmName: mentioned.name });
    expect(erased).toMatchObject({ ok: true });
    expect((await reasons()).find((d) => d.typeKey === "complaint")?.summary).toBe("");
  });
});
