import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { balanceAt } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db } from "@/db";
import { auditLog, customers, interactions, milestoneChanges } from "@/db/schema";
import { asSessionMember, createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { deleteInteraction, editInteraction, logInteraction } from "./commands";
import { DAY_MS as DAY } from "@/lib/dates";

const halfLives = DEFAULT_SETTINGS.ledger;
type Member = ReturnType<typeof asSessionMember>;
let csm: Member;
let otherCsm: Member;
let admin: Member;
let viewer: Member;

async function balanceOf(customerId: number, at = new Date()) {
  const [row] = await db.select().from(customers).where(eq(customers.id, customerId));
  return { balance: balanceAt(row, at, halfLives), customer: row };
}

const complaint = (customerId: number, overrides: Record<string, string> = {}) => ({
  customerId: String(customerId),
  typeKey: "complaint",
  occurredAt: new Date().toISOString(),
  channel: "email",
  direction: "inbound",
  summary: "Export keeps timing out",
  ...overrides,
});

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm" }));
  otherCsm = asSessionMember(await createMember({ role: "csm" }));
  admin = asSessionMember(await createMember({ role: "admin" }));
  viewer = asSessionMember(await createMember({ role: "viewer" }));
});

describe("logging an interaction", () => {
  it("a complaint (−3) logged now takes the balance from 0 to −3 and counts as inbound activity", async () => {
    const customer = await createCustomer({ milestone: 10 });
    const result = await executeAction(logInteraction, csm, complaint(customer.id));
    expect(result).toMatchObject({ ok: true, message: "Complaint logged." });
    const { balance, customer: after } = await balanceOf(customer.id);
    expect(balance).toBeCloseTo(-3, 6);
    expect(after.lastInboundAt).not.toBeNull();
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "interaction.logged"));
    expect(audit.some((row) => row.actorId === csm.id)).toBe(true);
  });

  it("back-dated praise (+2) from 30 days ago adds 2·½ = 1", async () => {
    const customer = await createCustomer({ milestone: 10 });
    const at = new Date(Date.now() - 30 * DAY);
    await executeAction(
      logInteraction,
      csm,
      complaint(customer.id, { typeKey: "praise", occurredAt: at.toISOString() }),
    );
    expect((await balanceOf(customer.id)).balance).toBeCloseTo(1, 4);
  });

  it("a weight override replaces the type's default: a complaint weighted −10 gives −10", async () => {
    const customer = await createCustomer({ milestone: 10 });
    await executeAction(logInteraction, csm, complaint(customer.id, { weight: "-10" }));
    expect((await balanceOf(customer.id)).balance).toBeCloseTo(-10, 6);
  });

  it("a purchase moves a subscribed customer (4) to converted (7) with history; a later content view does not move it back", async () => {
    const customer = await createCustomer({ milestone: 4 });
    await executeAction(
      logInteraction,
      csm,
      complaint(customer.id, { typeKey: "purchase", summary: "Bought the annual plan" }),
    );
    await executeAction(
      logInteraction,
      csm,
      complaint(customer.id, { typeKey: "content_view", summary: "Read the blog" }),
    );
    const { customer: after } = await balanceOf(customer.id);
    expect(after.milestone).toBe(7);
    expect(after.convertedAt).not.toBeNull();
    const history = await db.select().from(milestoneChanges).where(eq(milestoneChanges.customerId, customer.id));
    expect(history.map((h) => [h.fromMilestone, h.toMilestone, h.reason])).toEqual([[4, 7, "Logged: First purchase"]]);
  });

  it.each([
    ["an empty summary", { summary: "  " }, "summary", "Write a short summary of what happened."],
    ["an over-long summary", { summary: "x".repeat(501) }, "summary", "Keep the summary under 500 characters."],
    [
      "a date two days ahead",
      { occurredAt: new Date(Date.now() + 2 * DAY).toISOString() },
      "occurredAt",
      "The date is more than a day in the future.",
    ],
    ["a date that is no date", { occurredAt: "yesterday-ish" }, "occurredAt", "Enter a valid date and time."],
    ["an unknown type", { typeKey: "telepathy" }, "typeKey", "Choose a type from the list."],
    ["an unknown channel", { channel: "pigeon" }, "channel", "Choose a channel from the list."],
    [
      "a non-numeric weight",
      { weight: "lots" },
      "weight",
      "The weight must be a number between −100 and 100, or empty for the type's default.",
    ],
  ])("%s is refused at its field and nothing is written", async (_label, overrides, field, message) => {
    const customer = await createCustomer();
    const before = await writeFingerprint();
    const result = await executeAction(logInteraction, csm, complaint(customer.id, overrides));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.[field]).toEqual([message]);
    expect(await writeFingerprint()).toEqual(before);
  });

  it("an unknown customer is refused with a clear message", async () => {
    const result = await executeAction(logInteraction, csm, complaint(999_999));
    expect(result).toEqual({ ok: false, message: "The customer was not found. It may have been deleted." });
  });

  it("a viewer's forged call is refused and writes nothing", async () => {
    const customer = await createCustomer();
    const before = await writeFingerprint();
    const result = await executeAction(logInteraction, viewer, complaint(customer.id));
    expect(result).toEqual({ ok: false, message: "Your role does not allow this. Ask an admin if you need it." });
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("editing and deleting an interaction", () => {
  it("the author turns a complaint (−3) into praise (+2): balance −3 → +2; deleting it brings 0 and no inbound activity", async () => {
    const customer = await createCustomer({ milestone: 10 });
    const logged = await executeAction(logInteraction, csm, complaint(customer.id));
    const id = String((logged.ok && (logged.data as { id: number }).id) || 0);
    const edited = await executeAction(editInteraction, csm, {
      ...complaint(customer.id, { typeKey: "praise" }),
      interactionId: id,
    });
    expect(edited).toMatchObject({ ok: true });
    expect((await balanceOf(customer.id)).balance).toBeCloseTo(2, 6);
    const deleted = await executeAction(deleteInteraction, csm, { interactionId: id });
    expect(deleted).toMatchObject({ ok: true });
    const { balance, customer: after } = await balanceOf(customer.id);
    expect(balance).toBeCloseTo(0, 9);
    expect(after.lastInboundAt).toBeNull();
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((row) => row.action);
    expect(actions).toEqual(["interaction.logged", "interaction.edited", "interaction.deleted"]);
  });

  it("saving an edit unchanged, the time sent back to the minute as the form shows it, writes nothing: no audit row, the seconds kept", async () => {
    const customer = await createCustomer();
    const at = new Date(Date.now() - 3 * 60_000);
    at.setSeconds(37, 0);
    const logged = await executeAction(logInteraction, csm, complaint(customer.id, { occurredAt: at.toISOString() }));
    const interactionId = String((logged as { data: { id: number } }).data.id);
    const minute = new Date(at);
    minute.setSeconds(0, 0);
    const before = await writeFingerprint();
    const unchanged = await executeAction(editInteraction, csm, {
      ...complaint(customer.id, { occurredAt: minute.toISOString() }),
      interactionId,
      weight: "",
    });
    expect(unchanged).toEqual({ ok: true, message: "Nothing changed, so nothing was saved." });
    expect(await writeFingerprint()).toEqual(before);

    const edited = await executeAction(editInteraction, csm, {
      ...complaint(customer.id, { occurredAt: minute.toISOString(), summary: "Export fixed, still upset" }),
      interactionId,
      weight: "",
    });
    expect(edited).toMatchObject({ ok: true, message: "Interaction updated." });
    const [row] = await db
      .select()
      .from(interactions)
      .where(eq(interactions.id, Number(interactionId)));
    expect(row.occurredAt.toISOString()).toBe(at.toISOString());
    expect(row.summary).toBe("Export fixed, still upset");
  });

  it("another CSM may not change it; an admin may", async () => {
    const customer = await createCustomer();
    const logged = await executeAction(logInteraction, csm, complaint(customer.id));
    const id = String(logged.ok && (logged.data as { id: number }).id);
    const before = await writeFingerprint();
    const refused = await executeAction(deleteInteraction, otherCsm, { interactionId: id });
    expect(refused).toEqual({
      ok: false,
      message:
        "You can edit or delete only interactions you logged in the last 24 hours. An admin can change older ones.",
    });
    expect(await writeFingerprint()).toEqual(before);
    expect(await executeAction(deleteInteraction, admin, { interactionId: id })).toMatchObject({ ok: true });
  });
});
