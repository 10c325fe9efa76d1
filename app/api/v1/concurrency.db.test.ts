import { inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { interactions } from "@/db/schema";
import { apiToken } from "@/testing/api-token";
import { createCustomer } from "@/testing/factories";
import { refreshDueRisk } from "@/server/risk/refresh";
import { POST as postEvents } from "./events/route";

let token: string;
beforeAll(async () => {
  token = await apiToken(["write"]);
});

describe("concurrent writers with distinct keys", () => {
  it("20 writers × 5 rounds on the same 5 customers, every batch touching all 5 in its own order, while the periodic risk refresh runs: no 409, every event stored once", async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, () => createCustomer({ milestone: 9 })));
    const stamp = Date.now().toString(36);
    const statuses: number[] = [];
    const keys: string[] = [];
    let writing = true;
    let refreshes = 0;
    // The 10-minute refresh of every customer's risk, as often as it can go meanwhile.
    const refresher = (async () => {
      while (writing) if ((await refreshDueRisk(db)) !== null) refreshes++;
    })();
    await Promise.all(
      Array.from({ length: 20 }, async (_, writer) => {
        for (let round = 0; round < 5; round++) {
          const order = writer % 2 === 0 ? customers : [...customers].reverse();
          const events = order.flatMap((customer, i) =>
            ["login", "complaint", "feature_adopted"].map((type, j) => {
              const externalId = `conc-${stamp}-${writer}-${round}-${i}-${j}`;
              keys.push(externalId);
              return {
                externalId,
                customerId: customer.id,
                type,
                occurredAt: new Date(Date.now() - (writer * 7 + round * 3 + j) * 3_600_000).toISOString(),
              };
            }),
          );
          const response = await postEvents(
            new Request("http://localhost/api/v1/events", {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body: JSON.stringify({ events }),
            }),
            { params: Promise.resolve({}) },
          );
          statuses.push(response.status);
        }
      }),
    );
    writing = false;
    await refresher;
    expect(refreshes).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    const [{ stored, distinct }] = await db
      .select({ stored: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct external_id)::int` })
      .from(interactions)
      .where(inArray(interactions.externalId, keys));
    expect({ stored, distinct }).toEqual({ stored: keys.length, distinct: keys.length });
  }, 120_000);
});
