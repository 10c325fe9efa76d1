import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/db/connection-error";
import { createApiToken } from "@/server/team/api-tokens";
import { logInteraction } from "@/server/ledger/commands";
import { checkDatabase } from "@/server/system/health";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { runOnOwnPostgresServer } from "@/testing/own-server";
import { executeAction } from "@/server/actions/execute";
import { balanceAt, balanceFromInteractions } from "@/lib/ledger";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db } from "./index";
import { customers, interactions, interactionTypes } from "./schema";

// This file runs on a PostgreSQL server of its own, which it stops and starts: no other test is disturbed.
const ownServer = runOnOwnPostgresServer();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries one write until the server acknowledges it, as a browser or an API client would. */
async function untilAcknowledged(attempt: () => Promise<"ok" | "retry">): Promise<number> {
  for (let attempts = 1; attempts <= 200; attempts++) {
    if ((await attempt()) === "ok") return attempts;
    await sleep(150);
  }
  throw new Error("A write was never acknowledged.");
}

describe("PostgreSQL restarts in the middle of a stream of writes", () => {
  it("every acknowledged write (server actions with retries, API events with retries) is stored exactly once, and the ledger still adds up", async () => {
    const csm = asSessionMember(await createMember({ role: "csm" }));
    const admin = asSessionMember(await createMember({ role: "admin" }));
    const customer = await createCustomer({ externalId: "fault-customer", milestone: 9 });
    const token = await executeAction(createApiToken, admin, { name: "fault stream", "scope.write": "on" });
    if (!token.ok) throw new Error(token.message);
    const bearer = (token.data as { token: string }).token;

    const acknowledgedKeys: string[] = [];
    const retriedBecauseDown: string[] = [];
    const types = ["complaint", "praise", "login", "support_ticket"];

    const actionWriter = async (writer: number) => {
      for (let i = 0; i < 30; i++) {
        const requestKey = randomBytes(16).toString("hex");
        const input = {
          customerId: String(customer.id),
          typeKey: types[(writer + i) % types.length],
          occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
          channel: "email",
          direction: "inbound",
          summary: `action ${writer}/${i}`,
          requestKey,
        };
        await untilAcknowledged(async () => {
          const result = await executeAction(logInteraction, csm, input);
          if (result.ok) return "ok";
          expect(result.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
          retriedBecauseDown.push(requestKey);
          return "retry";
        });
        acknowledgedKeys.push(requestKey);
      }
    };

    const apiWriter = async (writer: number) => {
      for (let i = 0; i < 12; i++) {
        const events = [0, 1, 2].map((k) => ({
          externalId: `fault-api-${writer}-${i}-${k}`,
          customerExternalId: "fault-customer",
          type: types[(writer + i + k) % types.length],
          occurredAt: new Date(Date.now() - (i * 3 + k) * 90_000).toISOString(),
        }));
        await untilAcknowledged(async () => {
          const response = await postEvents(
            new Request("http://localhost/api/v1/events", {
              method: "POST",
              headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
              body: JSON.stringify({ events }),
            }),
            { params: Promise.resolve({}) },
          );
          if (response.status === 200 || response.status === 201) return "ok";
          expect([503, 409]).toContain(response.status);
          retriedBecauseDown.push(events[0].externalId);
          return "retry";
        });
        acknowledgedKeys.push(...events.map((e) => e.externalId));
      }
    };

    const stream = Promise.all([actionWriter(1), actionWriter(2), actionWriter(3), apiWriter(1), apiWriter(2)]);
    while (acknowledgedKeys.length < 40) await sleep(20);

    ownServer().stop();
    expect(await checkDatabase(db)).toBe(false);
    await sleep(1_500);
    ownServer().start();
    await stream;
    expect(await checkDatabase(db)).toBe(true);

    // The outage was felt (writes were refused and retried), and nothing was lost or doubled.
    expect(retriedBecauseDown.length).toBeGreaterThan(0);
    expect(acknowledgedKeys).toHaveLength(3 * 30 + 2 * 12 * 3);
    const stored = await db
      .select({ key: interactions.externalId, count: sql<number>`count(*)::int` })
      .from(interactions)
      .where(inArray(interactions.externalId, acknowledgedKeys))
      .groupBy(interactions.externalId);
    expect(stored).toHaveLength(acknowledgedKeys.length);
    expect(stored.filter((row) => row.count !== 1)).toEqual([]);
    const [{ total }] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(interactions)
      .where(eq(interactions.customerId, customer.id));
    expect(total).toBe(acknowledgedKeys.length);

    // The maintained ledger equals the definition over the rows that survived.
    const rows = await db
      .select({
        weight: sql<number>`coalesce(${interactions.weightOverride}, ${interactionTypes.defaultWeight})`,
        at: interactions.occurredAt,
      })
      .from(interactions)
      .innerJoin(interactionTypes, eq(interactionTypes.id, interactions.typeId))
      .where(eq(interactions.customerId, customer.id));
    const [after] = await db.select().from(customers).where(eq(customers.id, customer.id));
    const now = new Date();
    expect(balanceAt(after, now, DEFAULT_SETTINGS.ledger)).toBeCloseTo(
      balanceFromInteractions(rows, now, DEFAULT_SETTINGS.ledger),
      6,
    );
  }, 120_000);
});
