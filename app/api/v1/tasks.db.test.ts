import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { tasks } from "@/db/schema";
import { apiToken } from "@/testing/api-token";
import { createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { GET, POST } from "./tasks/route";

let writeToken: string;
let readToken: string;
const noParams = { params: Promise.resolve({}) };

const post = (body: unknown, bearer = writeToken) =>
  POST(
    new Request("http://localhost/api/v1/tasks", {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    noParams,
  );
const get = (query: string, bearer = readToken) =>
  GET(
    new Request(`http://localhost/api/v1/tasks${query}`, { headers: { authorization: `Bearer ${bearer}` } }),
    noParams,
  );

beforeAll(async () => {
  writeToken = await apiToken(["read", "write"]);
  readToken = await apiToken(["read"]);
});

describe("POST /api/v1/tasks", () => {
  it("creates tasks for the customer's owner or the named assignee; a replay returns the same ids (200) and writes nothing", async () => {
    const owner = await createMember({ role: "csm" });
    const other = await createMember({ role: "csm" });
    const customer = await createCustomer({ externalId: "crm-task-1", ownerId: owner.id });
    const body = {
      tasks: [
        {
          externalId: "esc-1",
          customerExternalId: "crm-task-1",
          title: "Escalation: outage",
          dueOn: "2026-12-02",
          priority: "urgent",
        },
        {
          externalId: "esc-2",
          customerId: customer.id,
          title: "Send the RCA",
          dueOn: "2026-12-05",
          assigneeEmail: other.email,
          checklist: ["Draft", "Review"],
        },
      ],
    };
    const first = await post(body);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ created: 2, duplicates: 0 });
    const rows = await db.select().from(tasks).where(eq(tasks.customerId, customer.id)).orderBy(tasks.id);
    expect(rows.map((row) => [row.title, row.assigneeId, row.priority])).toEqual([
      ["Escalation: outage", owner.id, "urgent"],
      ["Send the RCA", other.id, "normal"],
    ]);
    expect(rows[1].checklist).toEqual([
      { text: "Draft", done: false },
      { text: "Review", done: false },
    ]);
    const fingerprint = await writeFingerprint();
    const replay = await post(body);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({
      created: 0,
      duplicates: 2,
      results: created.results.map((result: { status: string }) => ({ ...result, status: "duplicate" })),
    });
    expect(await writeFingerprint()).toEqual(fingerprint);
  });

  it("an unknown customer or assignee names the item and writes nothing; a key reused with another body is a 422", async () => {
    await createCustomer({ externalId: "crm-task-2" });
    const fingerprint = await writeFingerprint();
    const bad = await post({
      tasks: [
        { externalId: "esc-3", customerExternalId: "nope", title: "X", dueOn: "2026-12-02" },
        {
          externalId: "esc-4",
          customerExternalId: "crm-task-2",
          title: "Y",
          dueOn: "2026-02-30",
          assigneeEmail: "ghost@x.test",
        },
      ],
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.errors).toEqual(
      expect.arrayContaining([{ index: 1, field: "dueOn", message: "Must be a date that exists." }]),
    );
    expect(await writeFingerprint()).toEqual(fingerprint);
    const unknown = await post({
      tasks: [{ externalId: "esc-3", customerExternalId: "nope", title: "X", dueOn: "2026-12-02" }],
    });
    expect((await unknown.json()).error.errors).toEqual([
      { index: 0, field: "customer", message: "No customer matches this reference." },
    ]);
    expect(
      (
        await post({
          tasks: [{ externalId: "esc-5", customerExternalId: "crm-task-2", title: "A", dueOn: "2026-12-02" }],
        })
      ).status,
    ).toBe(201);
    const reused = await post({
      tasks: [{ externalId: "esc-5", customerExternalId: "crm-task-2", title: "B", dueOn: "2026-12-02" }],
    });
    expect(reused.status).toBe(422);
  });

  it("a read-only token may list but not create", async () => {
    expect((await post({ tasks: [] }, readToken)).status).toBe(403);
  });
});

describe("GET /api/v1/tasks", () => {
  it("lists open tasks of one customer soonest first; status=done lists the closed ones", async () => {
    const customer = await createCustomer({ externalId: "crm-task-3" });
    await post({
      tasks: [
        { externalId: "list-b", customerId: customer.id, title: "Later", dueOn: "2026-12-20" },
        { externalId: "list-a", customerId: customer.id, title: "Sooner", dueOn: "2026-12-10" },
      ],
    });
    const response = await get(`?customerId=${customer.id}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.tasks.map((task: { title: string }) => task.title)).toEqual(["Sooner", "Later"]);
    expect(body.more).toBe(false);
    const done = await (await get(`?customerId=${customer.id}&status=done`)).json();
    expect(done.tasks).toEqual([]);
    expect((await get("?status=finished")).status).toBe(400);
  });
});
