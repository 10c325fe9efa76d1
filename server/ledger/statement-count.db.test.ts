import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { logInteraction } from "./commands";

// Set before the first query of this file, when the connection is made (db/index.ts).
const log = path.join(os.tmpdir(), `hourglass-statements-${process.pid}-${Date.now()}.jsonl`);
process.env.HOURGLASS_SQL_LOG = log;

let csm: SessionMember;
beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm" }));
});
afterAll(() => rmSync(log, { force: true }));

function statementsOf(text: string): string[] {
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { query: string }).query.replace(/\s+/g, " ").trim());
}

describe("the booking engine's cost", () => {
  it("logging one interaction from the form runs at most 6 statements: (begin,) settings, lock, one booking statement, the active playbooks it could fire (, commit)", async () => {
    const customer = await createCustomer({ milestone: 10 });
    writeFileSync(log, "");
    const result = await executeAction(logInteraction, csm, {
      customerId: String(customer.id),
      typeKey: "complaint",
      occurredAt: new Date().toISOString(),
      channel: "email",
      direction: "inbound",
      summary: "Export keeps timing out",
    });
    const statements = statementsOf(readFileSync(log, "utf8"));
    expect(result, result.message).toMatchObject({ ok: true });
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(6);
    // The work itself: the settings, the customer locked, and one statement that books everything.
    expect(statements.filter((q) => /from "?settings"?/i.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /for update/i.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /from playbooks/i.test(q))).toHaveLength(1);
    const booking = statements.filter((q) => /insert into interactions/i.test(q));
    expect(booking).toHaveLength(1);
    for (const part of [
      "insert into ledger_days",
      "update customers",
      "insert into milestone_changes",
      "insert into audit_log",
    ]) {
      expect(booking[0]).toContain(part);
    }
  });
});
