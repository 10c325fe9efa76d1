import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { balanceAt, balanceFromInteractions } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db, queryRows } from "@/db";
import { customers, revenueMovements } from "@/db/schema";
import { createMember } from "@/testing/factories";
import { type ImportPlan, prepareImport, runImport } from "./csv-import";
import { DAY_MS } from "@/lib/dates";
import { describeImportField, guessMapping, importFieldOf, type ImportKind } from "@/lib/import-fields";

const actor = { id: null, label: "import test" } as const;
const identity = (columns: string[]) => Object.fromEntries(columns.map((c) => [c, c]));

async function importCsv(kind: ImportKind, csv: string, mapping: Record<string, string>) {
  const prepared = await prepareImport(db, { kind, csv, mapping });
  if ("errors" in prepared) return prepared;
  const progress: number[] = [];
  const result = await runImport(db, {
    plan: prepared.plan as ImportPlan,
    actor,
    onProgress: (done) => progress.push(done),
  });
  return { result, progress };
}

describe("CSV import", () => {
  it('a "Signup date" column maps to Signed up at, and a problem names the file\'s column and its label, never mrrCents', () => {
    expect(guessMapping("customers", ["Name", "Signup date", "Monthly revenue"])).toMatchObject({
      name: "Name",
      signedUpAt: "Signup date",
      mrr: "Monthly revenue",
    });
    const mapping = { mrr: "Monthly revenue" };
    expect(describeImportField("customers", importFieldOf("mrrCents"), mapping)).toBe("'Monthly revenue' (MRR (USD))");
    expect(describeImportField("customers", "signedUpAt", {})).toBe("Signed up at");
    expect(describeImportField("interactions", "customer", {})).toBe("Customer (external id or email)");
  });

  it("customers: 2 new and 1 updated by external id; importing the same file again creates nothing and reports 3 already there, not 3 updated", async () => {
    await createMember({ email: "owner@import.test", role: "csm" });
    await db.insert(customers).values({ externalId: "imp-3", name: "Old Name", mrrCents: 100 });
    const csv =
      'External ID,Name,Email,MRR,Plan,Owner\nimp-1,Ada Import,ada@import.test,"1,200.50",growth,owner@import.test\nimp-2,Ben Import,,99,starter,\nimp-3,New Name,,250,enterprise,\n';
    const mapping = {
      externalId: "External ID",
      name: "Name",
      email: "Email",
      mrr: "MRR",
      plan: "Plan",
      ownerEmail: "Owner",
    };
    const first = await importCsv("customers", csv, mapping);
    expect("result" in first && first.result).toMatchObject({ rows: 3, created: 2, updated: 1 });
    const [ada] = await db.select().from(customers).where(eq(customers.externalId, "imp-1"));
    expect(ada).toMatchObject({ name: "Ada Import", mrrCents: 120_050, plan: "growth", milestone: 1 });
    const [renamed] = await db.select().from(customers).where(eq(customers.externalId, "imp-3"));
    expect(renamed).toMatchObject({ name: "New Name", mrrCents: 25_000 });
    const again = await importCsv("customers", csv, mapping);
    expect("result" in again && again.result).toMatchObject({ created: 0, updated: 0, skipped: 3 });
    const [{ count }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(customers)
      .where(sql`external_id like 'imp-%'`);
    expect(count).toBe(3);
  });

  it("subscriptions: $50/mo and $600/yr start, a later row changes the first to $80 (ARR $600 + $600 → $1,560); a re-import skips all; a change dated before the last one names its row", async () => {
    await db.insert(customers).values({ externalId: "sub-imp-1", name: "Subscriber" });
    const day = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
    const headers = "Subscription ID,Customer ID,Product,Price,Billed,Start date\n";
    const mapping = guessMapping("subscriptions", headers.trim().split(","));
    expect(mapping).toMatchObject({ externalId: "Subscription ID", amount: "Price", effectiveAt: "Start date" });
    const csv = `${headers}s-1,sub-imp-1,Core,50,month,${day(60)}\ns-2,sub-imp-1,Support,600,year,${day(50)}\n`;
    const first = await importCsv("subscriptions", csv, mapping);
    expect("result" in first && first.result).toMatchObject({ rows: 2, created: 2, updated: 0 });
    const again = await importCsv("subscriptions", csv, mapping);
    expect("result" in again && again.result).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    const change = await importCsv("subscriptions", `${headers}s-1,sub-imp-1,Core,80,month,${day(10)}\n`, mapping);
    expect("result" in change && change.result).toMatchObject({ created: 0, updated: 1 });
    const [row] = await db.select().from(customers).where(eq(customers.externalId, "sub-imp-1"));
    expect(row.arrCents).toBe(156_000);
    expect(
      (
        await db
          .select({ kind: revenueMovements.kind, delta: revenueMovements.arrDeltaCents })
          .from(revenueMovements)
          .where(eq(revenueMovements.customerId, row.id))
          .orderBy(revenueMovements.occurredAt)
      ).map((m) => `${m.kind} ${m.delta}`),
    ).toEqual(["new 60000", "expansion 60000", "expansion 36000"]);
    await expect(
      importCsv("subscriptions", `${headers}s-1,sub-imp-1,Core,20,month,${day(30)}\n`, mapping),
    ).rejects.toThrow(
      /^Row 2: This subscription last changed on .*; choose that day or later\. Nothing was imported\.$/,
    );
    expect((await db.select().from(customers).where(eq(customers.id, row.id)))[0].arrCents).toBe(156_000);
  });

  it("every bad row is reported with its row number and reason, and nothing is imported", async () => {
    const before = await db.select({ count: sql<number>`count(*)::int` }).from(customers);
    const csv = "externalId,name,mrr,plan\nbad-1,,10,starter\nbad-2,Fine,-5,gold\nbad-2,Twice,1,starter\n";
    const outcome = await importCsv("customers", csv, identity(["externalId", "name", "mrr", "plan"]));
    expect("errors" in outcome && outcome.errors).toEqual([
      { row: 2, field: "name", message: "Required." },
      { row: 3, field: "plan", message: "Must be one of: starter, growth, enterprise." },
      { row: 3, field: "mrr", message: "Must not be negative." },
      { row: 4, field: "externalId", message: "Same key as row 3." },
    ]);
    expect(await db.select({ count: sql<number>`count(*)::int` }).from(customers)).toEqual(before);
  });

  it("interactions: the ledger equals a recomputation from raw rows, the purchase moves the customer to converted, and a re-import adds nothing", async () => {
    await db.insert(customers).values({ externalId: "led-1", name: "Ledger Import", milestone: 4, peakMilestone: 4 });
    const at = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
    const csv = [
      "id,customer,type,occurred_at,direction,weight",
      `e1,led-1,complaint,${at(10)},inbound,`,
      `e2,led-1,purchase,${at(40)},inbound,`,
      `e3,led-1,praise,${at(5)},inbound,5`,
      `e4,led-1,outbound_email,${at(1)},outbound,`,
    ].join("\n");
    const mapping = {
      externalId: "id",
      customerExternalId: "customer",
      type: "type",
      occurredAt: "occurred_at",
      direction: "direction",
      weight: "weight",
    };
    const first = await importCsv("interactions", csv, mapping);
    expect("result" in first && first.result).toMatchObject({ rows: 4, created: 4, skipped: 0 });
    const [row] = await db.select().from(customers).where(eq(customers.externalId, "led-1"));
    const raw = await queryRows<{ weight: number; at: string }>(
      db,
      sql`select coalesce(i.weight_override, t.default_weight)::float8 as weight, i.occurred_at::text as at from interactions i join interaction_types t on t.id = i.type_id where i.customer_id = ${row.id}`,
    );
    const now = new Date();
    // complaint −3 at 10 d, purchase +2 at 40 d, praise weighted +5 at 5 d
    expect(balanceAt(row, now, DEFAULT_SETTINGS.ledger)).toBeCloseTo(
      balanceFromInteractions(
        raw.map((r) => ({ weight: Number(r.weight), at: new Date(r.at) })),
        now,
        DEFAULT_SETTINGS.ledger,
      ),
      6,
    );
    expect(balanceAt(row, now, DEFAULT_SETTINGS.ledger)).toBeCloseTo(
      -3 * 2 ** (-10 / 90) + 2 * 2 ** (-40 / 30) + 5 * 2 ** (-5 / 30),
      4,
    );
    expect(row).toMatchObject({ milestone: 7, convertedAt: expect.any(Date), lastOutboundAt: expect.any(Date) });
    const again = await importCsv("interactions", csv, mapping);
    expect("result" in again && again.result).toMatchObject({ created: 0, skipped: 4 });
    const [after] = await db.select().from(customers).where(eq(customers.id, row.id));
    expect(after.creditAcc).toBeCloseTo(row.creditAcc, 9);
  });

  it("an unknown customer or type is reported per row", async () => {
    const outcome = await importCsv(
      "interactions",
      `id,customer,type,occurred_at\nx1,nobody,login,${new Date().toISOString()}\nx2,led-1,teleport,${new Date().toISOString()}\n`,
      { externalId: "id", customerExternalId: "customer", type: "type", occurredAt: "occurred_at" },
    );
    expect("errors" in outcome && outcome.errors).toEqual([
      { row: 2, field: "customer", message: "No customer matches this reference." },
      { row: 3, field: "type", message: "Unknown interaction type 'teleport'." },
    ]);
  });
});
