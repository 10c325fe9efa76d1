import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

// An integrator's client: types generated from the served document with openapi-typescript, calls
// through openapi-fetch. It reads every kind of answer the API gives.
const CLIENT = `
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

type Customer = components["schemas"]["Customer"];
const api = createClient<paths>({ baseUrl: "https://hourglass.example/api/v1", headers: { Authorization: "Bearer hg_x" } });

export async function integrate(): Promise<void> {
  const upserted = await api.POST("/customers", {
    body: { customers: [{ externalId: "crm-1", name: "Ada Lovelace", mrrCents: 4900 }] },
  });
  if (upserted.error) throw new Error(upserted.error.error.message);
  const id: number = upserted.data.results[0].id;
  const status: "created" | "updated" = upserted.data.results[0].status;

  const one = await api.GET("/customers/{id}", { params: { path: { id } } });
  const customer: Customer | undefined = one.data;
  const score: number | undefined = customer?.risk.score;
  const stage: string | null | undefined = customer?.stages["hourglass"];

  const patched = await api.PATCH("/customers/{id}", { params: { path: { id } }, body: { company: "Analytical Engines" } });
  const company: string | null | undefined = patched.data?.company;

  const events = await api.POST("/events", {
    body: { events: [{ externalId: "evt-1", customerId: id, type: "login", occurredAt: new Date().toISOString() }] },
  });
  const duplicates: number | undefined = events.data?.duplicates;
  const eventIds: number[] = events.data?.results.map((result) => result.id) ?? [];

  const seen: Customer[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.GET("/customers", { params: { query: { limit: 200, cursor, status: "active" } } });
    if (page.error) throw new Error(page.error.error.errors?.[0]?.message ?? page.error.error.message);
    seen.push(...page.data.customers);
    cursor = page.data.next ?? undefined;
  } while (cursor);

  const stored = await api.GET("/events", { params: { query: { customerId: id, type: "login", from: "2026-01-01T00:00:00Z" } } });
  const recordedAt: string | undefined = stored.data?.events[0]?.recordedAt;

  const risk = await api.GET("/risk", { params: { query: { view: "watch", limit: 10 } } });
  const riskiest: number | undefined = risk.data?.customers[0]?.riskScore;

  const subscriptions = await api.POST("/subscriptions", {
    body: { subscriptions: [{ externalId: "sub-1", customerId: id, plan: "Growth", amountCents: 9900, interval: "month" }] },
  });
  const unchanged: number | undefined = subscriptions.data?.unchanged;

  const tasks = await api.POST("/tasks", {
    body: { tasks: [{ externalId: "task-1", customerId: id, title: "Renewal call", dueOn: "2026-12-24" }] },
  });
  const open = await api.GET("/tasks", { params: { query: { status: "open", customerId: id } } });
  const due: string | undefined = open.data?.tasks[0]?.dueOn;

  const backtest = await api.GET("/backtest", { params: { query: { cutoff: "2026-06-01", horizon: 90 } } });
  const auc: number | null | undefined = backtest.data?.auc;

  console.log(status, score, stage, company, duplicates, eventIds, seen.length, recordedAt, riskiest, unchanged, tasks.data?.created, due, auc);
}
`;

const dir = path.resolve("node_modules/.cache/hourglass-api-client");

/** The TypeScript errors of the client (with `extra` appended), compiled strictly against the generated types. */
function typeErrors(extra = ""): string[] {
  const file = path.join(dir, "client.ts");
  writeFileSync(file, CLIENT + extra);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const types = astToString(await openapiTS(JSON.parse(JSON.stringify(openApiDocument))));
  writeFileSync(path.join(dir, "schema.ts"), types);
}, 60_000);

describe("a client generated from /api/v1/openapi.json (openapi-typescript + openapi-fetch)", () => {
  it("type-checks strictly while reading every operation's answer: ids, customers, cursors, risk, tasks, revenue, the backtest", () => {
    expect(typeErrors()).toEqual([]);
  }, 60_000);

  it("fails to type-check a field the document does not have, so a field a handler dropped would show", () => {
    const errors = typeErrors(`
export async function wrong(): Promise<string | undefined> {
  const { data } = await api.GET("/customers/{id}", { params: { path: { id: 1 } } });
  return data?.balanceInDollars;
}
`);
    expect(errors.join("\n")).toContain("balanceInDollars");
  }, 60_000);
});
