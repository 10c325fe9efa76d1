import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { delightMoments } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { getTimeline } from "@/server/customers/timeline";
import { asSessionMember, bookInteraction, createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { logDelightMoment } from "./commands";
import { getOpenDebits } from "./queries";

let csm: SessionMember;
beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm", name: "Dana Delight" }));
});

const moment = (customerId: number, promptInteractionId: number | "", gesture = "Hand-written card") =>
  executeAction(logDelightMoment, csm, {
    customerId: String(customerId),
    promptInteractionId: String(promptInteractionId),
    prompt: "Export broke",
    gesture,
    channel: "email",
    cost: "10",
    occurredAt: new Date().toISOString(),
  });

describe("one answer per debit", () => {
  it("two tabs answering the same complaint at once: one is saved, the other is told who answered it and saves nothing", async () => {
    const customer = await createCustomer();
    const complaint = await bookInteraction(csm, {
      customerId: customer.id,
      typeKey: "complaint",
      summary: "Export broke",
    });
    const [first, second] = await Promise.all([
      moment(customer.id, complaint, "Tab one"),
      moment(customer.id, complaint, "Tab two"),
    ]);
    const results = [first, second];
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.find((result) => !result.ok);
    expect(refused && !refused.ok && refused.fieldErrors?.promptInteractionId?.[0]).toMatch(
      /^This debit was already answered by Dana Delight on \d{2} \w{3} \d{4}: Tab (one|two)\.$/,
    );
    const answers = await db.select().from(delightMoments).where(eq(delightMoments.promptInteractionId, complaint));
    expect(answers).toHaveLength(1);
  });

  it("a credit cannot be answered; nothing is written", async () => {
    const customer = await createCustomer();
    const praise = await bookInteraction(csm, { customerId: customer.id, typeKey: "praise", summary: "Thanks" });
    const fingerprint = await writeFingerprint();
    const result = await moment(customer.id, praise);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { promptInteractionId: ["Only a debit can be answered with a delight moment."] },
    });
    expect(await writeFingerprint()).toEqual(fingerprint);
  });

  it("the answered complaint says so on the timeline and leaves the customer's open debits", async () => {
    const customer = await createCustomer();
    const complaint = await bookInteraction(csm, {
      customerId: customer.id,
      typeKey: "complaint",
      summary: "Invoice wrong",
    });
    const bug = await bookInteraction(csm, { customerId: customer.id, typeKey: "bug_report", summary: "Button dead" });
    expect((await getOpenDebits(db, { customerId: customer.id })).map((debit) => debit.id)).toEqual([bug, complaint]);
    expect(await moment(customer.id, complaint, "Refund and a call")).toMatchObject({ ok: true });
    expect((await getOpenDebits(db, { customerId: customer.id })).map((debit) => debit.id)).toEqual([bug]);
    const { entries } = await getTimeline(db, { customerId: customer.id, kind: "debits" });
    const answered = entries.find((entry) => entry.id === complaint);
    expect(answered?.answer).toMatchObject({ gesture: "Refund and a call", by: "Dana Delight" });
    expect(answered?.answer?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entries.find((entry) => entry.id === bug)?.answer).toBeNull();
  });
});
