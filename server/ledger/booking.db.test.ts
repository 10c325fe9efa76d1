import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { customers, interactionTypes } from "@/db/schema";
import { DAY_MS } from "@/lib/dates";
import { balanceAt, balanceFromInteractions } from "@/lib/ledger";
import type { SessionMember } from "@/lib/permissions";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { executeAction } from "@/server/actions/execute";
import { logCommunityActivity } from "@/server/advocacy/commands";
import { ingestEvents } from "@/server/data/api-ingest";
import { prepareImport, runImport } from "@/server/data/csv-import";
import { logDelightMoment } from "@/server/delight/commands";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { ledgerDrift } from "@/testing/ledger-check";
import { rawInteractions, riskFromRaw } from "@/testing/risk-check";
import { deleteInteraction, editInteraction, logInteraction } from "./commands";

// Every way an interaction is written, changed or taken back, in random interleavings: whatever
// the order, what is stored must equal the ledger's definition over the raw rows.
const when = fc.double({ min: -0.5, max: 400, noNaN: true }).map((daysAgo) => new Date(Date.now() - daysAgo * DAY_MS));
const operation = fc.oneof(
  fc.record({
    via: fc.constant("form" as const),
    type: fc.nat(),
    at: when,
    weight: fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined }),
    inbound: fc.boolean(),
  }),
  fc.record({ via: fc.constant("edit" as const), pick: fc.nat(), type: fc.nat(), at: when, inbound: fc.boolean() }),
  fc.record({ via: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({
    via: fc.constant("api" as const),
    events: fc.array(fc.record({ type: fc.nat(), at: when, inbound: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    via: fc.constant("csv" as const),
    rows: fc.array(fc.record({ type: fc.nat(), at: when, weight: fc.integer({ min: -5, max: 5 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ via: fc.constant("delight" as const), at: when, weight: fc.option(fc.integer({ min: 1, max: 9 })) }),
  fc.record({ via: fc.constant("community" as const), at: when, referral: fc.boolean() }),
);

let csm: SessionMember;
let typeKeys: string[];
let sequence = 0;

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm" }));
  typeKeys = (await db.select({ key: interactionTypes.key }).from(interactionTypes)).map((t) => t.key);
});

describe("the booking engine keeps the ledger exact through every entry point", () => {
  it("form, edit, delete, API batches, CSV import, delight moments and community activity in random order: stored balance, days, last activity and risk = recomputation from raw rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 10 }), async (operations) => {
        const key = `prop-${Date.now().toString(36)}-${sequence++}`;
        const customer = await createCustomer({ milestone: 9, externalId: key });
        const touched = new Set([customer.id]);
        const logged: number[] = [];
        const type = (index: number) => typeKeys[index % typeKeys.length];
        let n = 0;
        for (const op of operations) {
          n++;
          if (op.via === "form" || op.via === "edit") {
            const fields = {
              typeKey: type(op.type),
              occurredAt: op.at.toISOString(),
              channel: "email",
              direction: op.inbound ? "inbound" : "outbound",
              summary: op.via,
              weight: op.via === "form" && op.weight !== undefined ? String(op.weight) : "",
            };
            if (op.via === "form") {
              const result = await executeAction(logInteraction, csm, { customerId: String(customer.id), ...fields });
              expect(result, result.message).toMatchObject({ ok: true });
              if (result.ok) logged.push((result.data as { id: number }).id);
            } else if (logged.length > 0) {
              const id = logged[op.pick % logged.length];
              const result = await executeAction(editInteraction, csm, { interactionId: String(id), ...fields });
              expect(result, result.message).toMatchObject({ ok: true });
            }
          } else if (op.via === "delete") {
            if (logged.length === 0) continue;
            const [id] = logged.splice(op.pick % logged.length, 1);
            expect(await executeAction(deleteInteraction, csm, { interactionId: String(id) })).toMatchObject({
              ok: true,
            });
          } else if (op.via === "api") {
            const events = op.events.map((e, i) => ({
              externalId: `${key}-api-${n}-${i}`,
              customerExternalId: key,
              type: type(e.type),
              occurredAt: e.at.toISOString(),
              direction: e.inbound ? "inbound" : "outbound",
            }));
            const results = await ingestEvents(db, { body: { events }, actor: { id: null, label: "api:property" } });
            expect(results.every((r) => r.status === "created")).toBe(true);
          } else if (op.via === "csv") {
            const lines = op.rows.map(
              (r, i) => `${key}-csv-${n}-${i},${key},${type(r.type)},${r.at.toISOString()},${r.weight}`,
            );
            const csv = ["external_id,customer_external_id,type,occurred_at,weight", ...lines].join("\n");
            const mapping = {
              externalId: "external_id",
              customerExternalId: "customer_external_id",
              type: "type",
              occurredAt: "occurred_at",
              weight: "weight",
            };
            const prepared = await prepareImport(db, { kind: "interactions", csv, mapping });
            if (!("plan" in prepared)) throw new Error(JSON.stringify(prepared.errors));
            const result = await runImport(db, { plan: prepared.plan, actor: csm, onProgress: () => {} });
            expect(result.created).toBe(op.rows.length);
          } else if (op.via === "delight") {
            const result = await executeAction(logDelightMoment, csm, {
              customerId: String(customer.id),
              prompt: "Slow reply",
              gesture: "Handwritten note",
              channel: "email",
              cost: "10",
              occurredAt: op.at.toISOString(),
              weight: op.weight === null ? "" : String(op.weight),
            });
            expect(result, result.message).toMatchObject({ ok: true });
          } else {
            const result = await executeAction(logCommunityActivity, csm, {
              customerId: String(customer.id),
              kind: op.referral ? "referred_customer" : "wrote_post",
              occurredAt: op.at.toISOString(),
              ...(op.referral ? { referredName: `Referred ${key}-${n}` } : {}),
            });
            expect(result, result.message).toMatchObject({ ok: true });
            const referred =
              (result.ok && (result.data as { referredCustomerId: number | null }).referredCustomerId) || 0;
            if (referred) touched.add(referred);
          }
        }

        const ids = [...touched];
        const raw = await rawInteractions(ids);
        const rows = await db.select().from(customers).where(inArray(customers.id, ids));
        const now = new Date();
        for (const row of rows) {
          const entries = raw.filter((r) => r.customerId === row.id);
          const latest = (direction: string) =>
            entries
              .filter((e) => e.direction === direction)
              .reduce<Date | null>((max, e) => (max && max >= e.at ? max : e.at), null);
          expect(balanceAt(row, now, DEFAULT_SETTINGS.ledger)).toBeCloseTo(
            balanceFromInteractions(entries, now, DEFAULT_SETTINGS.ledger),
            6,
          );
          expect(row.lastInboundAt?.getTime() ?? null).toBe(latest("inbound")?.getTime() ?? null);
          expect(row.lastOutboundAt?.getTime() ?? null).toBe(latest("outbound")?.getTime() ?? null);
          // Scored in the booking statement, at its own clock: recomputed at that moment.
          const at = row.riskComputedAt ?? now;
          expect(row.riskScore).toBeCloseTo(riskFromRaw(entries, row, at, DEFAULT_SETTINGS), 6);
        }
        const drift = await ledgerDrift(ids);
        expect(drift.days).toBeLessThan(1e-9);
        expect(drift.accumulators).toBeLessThan(1e-9);
        const [{ milestone }] = await db
          .select({ milestone: customers.milestone })
          .from(customers)
          .where(eq(customers.id, customer.id));
        expect(milestone).toBeGreaterThanOrEqual(9);
      }),
      { numRuns: 20 },
    );
    // 20 runs of up to 10 writes each: generous on 2 cores shared with other test files.
  }, 180_000);
});
