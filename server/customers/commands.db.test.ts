import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { db } from "@/db";
import { auditLog, customers, subscriptions } from "@/db/schema";
import { asSessionMember, createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import {
  changeOwner,
  churnCustomer,
  createCustomer as createCustomerAction,
  reactivateCustomer,
  updateCustomer,
} from "./commands";

type Member = ReturnType<typeof asSessionMember>;
let csm: Member;
let viewer: Member;
let formerColleague: Member;

const valid = {
  name: "Zeynep Kaya",
  email: "zeynep@anka.example",
  company: "Anka A.Ş.",
  plan: "growth",
  mrr: "1200.50",
  ownerId: "",
};

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm" }));
  viewer = asSessionMember(await createMember({ role: "viewer" }));
  formerColleague = asSessionMember(await createMember({ role: "csm", active: false }));
});

describe("customers", () => {
  it("a new customer is saved with MRR $1,200.50 as 120050 cents, at milestone 1, audited", async () => {
    const result = await executeAction(createCustomerAction, csm, { ...valid, ownerId: String(csm.id) });
    expect(result).toMatchObject({ ok: true, message: "Zeynep Kaya added." });
    const id = (result.ok && (result.data as { id: number }).id) || 0;
    const [row] = await db.select().from(customers).where(eq(customers.id, id));
    expect(row).toMatchObject({
      mrrCents: 120_050,
      milestone: 1,
      ownerId: csm.id,
      email: "zeynep@anka.example",
      status: "active",
    });
    expect(
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityType, "customer"), eq(auditLog.entityId, String(id))))
      ).map((a) => a.action),
    ).toEqual(["customer.created"]);
    // The MRR figure is the customer's one subscription, booked as new revenue.
    expect(
      await db
        .select({ amount: subscriptions.amountCents, interval: subscriptions.interval, status: subscriptions.status })
        .from(subscriptions)
        .where(eq(subscriptions.customerId, id)),
    ).toEqual([{ amount: 120_050, interval: "month", status: "active" }]);
  });

  it.each([
    ["an empty name", { name: " " }, "name", "Enter the customer's name."],
    ["negative MRR", { mrr: "-5" }, "mrr", "MRR cannot be negative."],
    ["non-numeric MRR", { mrr: "a lot" }, "mrr", "Enter MRR as an amount in dollars, like 1200 or 99.50."],
    ["a malformed email", { email: "zeynep@" }, "email", "Enter a valid email address, like name@company.com."],
    ["an unknown plan", { plan: "platinum" }, "plan", "Choose a plan from the list."],
  ])("%s is refused at its field and nothing is written", async (_label, overrides, field, message) => {
    const before = await writeFingerprint();
    const result = await executeAction(createCustomerAction, csm, { ...valid, email: "", ...overrides });
    expect(!result.ok && result.fieldErrors?.[field]).toEqual([message]);
    expect(await writeFingerprint()).toEqual(before);
  });

  it("an email another customer uses is refused, naming that customer", async () => {
    await createCustomer({ name: "Li Wang", email: "li@jade.example" });
    const result = await executeAction(createCustomerAction, csm, { ...valid, email: "LI@jade.example" });
    expect(!result.ok && result.fieldErrors?.email).toEqual(["Li Wang already uses this email."]);
  });

  it("a deactivated member cannot become an owner", async () => {
    const customer = await createCustomer();
    const result = await executeAction(changeOwner, csm, {
      customerId: String(customer.id),
      ownerId: String(formerColleague.id),
    });
    expect(!result.ok && result.fieldErrors?.ownerId).toEqual(["Choose an active team member as owner."]);
  });

  it("editing changes the fields and keeps before/after in the audit log", async () => {
    const customer = await createCustomer({ name: "Old Name", mrrCents: 100 });
    const result = await executeAction(updateCustomer, csm, {
      ...valid,
      email: "",
      customerId: String(customer.id),
      name: "New Name",
    });
    expect(result).toMatchObject({ ok: true });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "customer"), eq(auditLog.entityId, String(customer.id))));
    expect(audit).toMatchObject({
      action: "customer.updated",
      before: expect.objectContaining({ name: "Old Name", mrrCents: 100 }),
    });
    expect(audit.after).toMatchObject({ name: "New Name", mrrCents: 120_050 });
  });

  it("churn needs a reason; churned and reactivated are both audited", async () => {
    const customer = await createCustomer();
    const noReason = await executeAction(churnCustomer, csm, { customerId: String(customer.id), reason: "" });
    expect(!noReason.ok && noReason.fieldErrors?.reason).toEqual(["Say why the customer churned."]);
    expect(
      await executeAction(churnCustomer, csm, { customerId: String(customer.id), reason: "Moved to a competitor" }),
    ).toMatchObject({ ok: true });
    const [churned] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(churned).toMatchObject({ status: "churned", churnReason: "Moved to a competitor" });
    expect(await executeAction(reactivateCustomer, csm, { customerId: String(customer.id) })).toMatchObject({
      ok: true,
    });
    const [active] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(active).toMatchObject({ status: "active", churnedAt: null });
  });

  it("a viewer can create, edit, churn nothing", async () => {
    const customer = await createCustomer();
    const before = await writeFingerprint();
    for (const [definition, input] of [
      [createCustomerAction, valid],
      [updateCustomer, { ...valid, customerId: String(customer.id) }],
      [churnCustomer, { customerId: String(customer.id), reason: "x" }],
      [changeOwner, { customerId: String(customer.id), ownerId: String(csm.id) }],
    ] as const) {
      const result = await executeAction(definition as typeof createCustomerAction, viewer, input);
      expect(result.ok).toBe(false);
    }
    expect(await writeFingerprint()).toEqual(before);
  });
});
