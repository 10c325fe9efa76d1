import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiRateBuckets, apiTokens } from "@/db/schema";
import { openApiDocument } from "@/lib/api/openapi";
import { hashApiToken } from "@/lib/api/tokens";
import { errorResponse } from "@/server/api/handler";
import { apiToken } from "@/testing/api-token";
import { createCustomer } from "@/testing/factories";
import { GET as getBacktest } from "./backtest/route";
import { GET as getCustomer, PATCH as patchCustomer } from "./customers/[id]/route";
import { GET as listCustomers, POST as postCustomers } from "./customers/route";
import { GET as listEvents, POST as postEvents } from "./events/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getRisk } from "./risk/route";
import { POST as postSubscriptions } from "./subscriptions/route";
import { GET as listTasks, POST as postTasks } from "./tasks/route";

type Method = "get" | "post" | "patch";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Every operation of the document, by path and method, is one of the app's route handlers.
const handlers: Record<string, Partial<Record<Method, Handler>>> = {
  "/events": { get: listEvents, post: postEvents },
  "/customers": { get: listCustomers, post: postCustomers },
  "/customers/{id}": { get: getCustomer as Handler, patch: patchCustomer as Handler },
  "/subscriptions": { post: postSubscriptions },
  "/tasks": { get: listTasks, post: postTasks },
  "/risk": { get: getRisk },
  "/backtest": { get: getBacktest },
};

const document = JSON.parse(JSON.stringify(openApiDocument)) as typeof openApiDocument;
type Documented = { content?: { "application/json": { schema: object } }; headers?: Record<string, unknown> };
const operations = document.paths as unknown as Record<
  string,
  Record<Method, { responses: Record<string, Documented> }>
>;

// A real JSON Schema validator (draft 2020-12, the dialect of OpenAPI 3.1) over the served document.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "https://hourglass.invalid/openapi.json", ...document });
const validatorFor = (schema: object) =>
  ajv.compile({ $ref: `https://hourglass.invalid/openapi.json${(schema as { $ref: string }).$ref}` });

const exercised = new Set<string>();

/** Sends a request to the handler of `method path` and holds the answer to the document: a documented status, a body of its schema. */
async function call(
  method: Method,
  path: keyof typeof handlers,
  { token, query = "", body, id }: { token: string | null; query?: string; body?: unknown; id?: number | string },
) {
  const handler = handlers[path][method];
  if (!handler) throw new Error(`No handler for ${method} ${path}`);
  const url = `http://localhost/api/v1${path.replace("{id}", String(id))}${query}`;
  const response = await handler(
    new Request(url, {
      method: method.toUpperCase(),
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined || method === "get" ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve<Record<string, string>>(id === undefined ? {} : { id: String(id) }) },
  );
  const documented = operations[path][method].responses[String(response.status)];
  expect(
    documented,
    `${method.toUpperCase()} ${path} answered ${response.status}, which the document does not list`,
  ).toBeDefined();
  exercised.add(`${method} ${path} ${response.status}`);
  const json = await response.json();
  const schema = documented.content?.["application/json"].schema;
  expect(
    schema,
    `${method.toUpperCase()} ${path} ${response.status} sends a body the document gives no schema`,
  ).toBeDefined();
  const validate = validatorFor(schema as object);
  expect(validate(json) ? [] : validate.errors, `${method.toUpperCase()} ${path} ${response.status}`).toEqual([]);
  for (const header of Object.keys(documented.headers ?? {}))
    expect(response.headers.get(header), `${header} on ${method.toUpperCase()} ${path} ${response.status}`).toMatch(
      /^\d+$/,
    );
  return { status: response.status, json, headers: response.headers };
}

let write: string;
let read: string;
let customerId: number;
const at = () => new Date().toISOString();

beforeAll(async () => {
  write = await apiToken(["read", "write"]);
  read = await apiToken(["read"]);
  customerId = (await createCustomer({ externalId: "contract-1", email: "contract-1@example.com", milestone: 9 })).id;
});

describe("every answer of /api/v1 holds to the OpenAPI document (Ajv, draft 2020-12)", () => {
  it("POST /events: 201, a replay 200, bad items 400, a reused key 422, 413, 401, 403", async () => {
    const events = [{ externalId: "contract-evt-1", customerId, type: "login", occurredAt: at() }];
    expect((await call("post", "/events", { token: write, body: { events } })).status).toBe(201);
    expect((await call("post", "/events", { token: write, body: { events } })).status).toBe(200);
    const bad = await call("post", "/events", { token: write, body: { events: [{ externalId: "x" }] } });
    expect(bad.status).toBe(400);
    const reused = [{ ...events[0], summary: "another body" }];
    expect((await call("post", "/events", { token: write, body: { events: reused } })).status).toBe(422);
    expect((await call("post", "/events", { token: write, body: "x".repeat(2 * 1024 * 1024 + 1) })).status).toBe(413);
    expect((await call("post", "/events", { token: null, body: { events } })).status).toBe(401);
    expect((await call("post", "/events", { token: read, body: { events } })).status).toBe(403);
  });

  it("GET /events: 200 with a cursor, a bad query 400", async () => {
    const first = await call("get", "/events", { token: read, query: `?customerId=${customerId}&limit=1` });
    expect(first.status).toBe(200);
    expect((await call("get", "/events", { token: read, query: "?from=yesterday" })).status).toBe(400);
  });

  it("POST /customers: 201, an update 200, bad items 400, 413; GET /customers 200, a forged cursor 400", async () => {
    const customers = [{ externalId: "contract-2", name: "Contract Two" }];
    expect((await call("post", "/customers", { token: write, body: { customers } })).status).toBe(201);
    expect((await call("post", "/customers", { token: write, body: { customers } })).status).toBe(200);
    expect((await call("post", "/customers", { token: write, body: { customers: [{ name: "" }] } })).status).toBe(400);
    expect((await call("post", "/customers", { token: write, body: "x".repeat(2 * 1024 * 1024 + 1) })).status).toBe(
      413,
    );
    const page = await call("get", "/customers", { token: read, query: "?limit=2" });
    expect(page.json.customers).toHaveLength(2);
    expect((await call("get", "/customers", { token: read, query: "?cursor=forged" })).status).toBe(400);
  });

  it("GET and PATCH /customers/{id}: 200, 404, a bad field 400, 413", async () => {
    expect((await call("get", "/customers/{id}", { token: read, id: customerId })).status).toBe(200);
    expect((await call("get", "/customers/{id}", { token: read, id: 999_999_999 })).status).toBe(404);
    const patched = await call("patch", "/customers/{id}", { token: write, id: customerId, body: { company: "Acme" } });
    expect(patched.json.company).toBe("Acme");
    expect(
      (await call("patch", "/customers/{id}", { token: write, id: 999_999_999, body: { company: "A" } })).status,
    ).toBe(404);
    expect(
      (await call("patch", "/customers/{id}", { token: write, id: customerId, body: { plan: "gold" } })).status,
    ).toBe(400);
    const huge = "x".repeat(2 * 1024 * 1024 + 1);
    expect((await call("patch", "/customers/{id}", { token: write, id: customerId, body: huge })).status).toBe(413);
  });

  it("POST /subscriptions: 201, a replay 200, bad items 400, 413", async () => {
    const subscriptions = [{ externalId: "contract-sub-1", customerId, plan: "Growth", amountCents: 9900 }];
    expect((await call("post", "/subscriptions", { token: write, body: { subscriptions } })).status).toBe(201);
    expect((await call("post", "/subscriptions", { token: write, body: { subscriptions } })).status).toBe(200);
    const bad = { subscriptions: [{ externalId: "contract-sub-2", customerId, plan: "Growth", amountCents: -1 }] };
    expect((await call("post", "/subscriptions", { token: write, body: bad })).status).toBe(400);
    const huge = "x".repeat(2 * 1024 * 1024 + 1);
    expect((await call("post", "/subscriptions", { token: write, body: huge })).status).toBe(413);
  });

  it("POST /tasks: 201, a replay 200, bad items 400, a reused key 422, 413; GET /tasks 200, a bad query 400", async () => {
    const tasks = [{ externalId: "contract-task-1", customerId, title: "Call about renewal", dueOn: "2026-12-24" }];
    expect((await call("post", "/tasks", { token: write, body: { tasks } })).status).toBe(201);
    expect((await call("post", "/tasks", { token: write, body: { tasks } })).status).toBe(200);
    expect((await call("post", "/tasks", { token: write, body: { tasks: [{ externalId: "t" }] } })).status).toBe(400);
    const reused = [{ ...tasks[0], title: "Another title" }];
    expect((await call("post", "/tasks", { token: write, body: { tasks: reused } })).status).toBe(422);
    expect((await call("post", "/tasks", { token: write, body: "x".repeat(2 * 1024 * 1024 + 1) })).status).toBe(413);
    const open = await call("get", "/tasks", { token: read, query: `?customerId=${customerId}` });
    expect(open.json.tasks.map((task: { externalId: string }) => task.externalId)).toContain("contract-task-1");
    expect((await call("get", "/tasks", { token: read, query: "?status=later" })).status).toBe(400);
  });

  it("GET /risk: 200, a bad query 400", async () => {
    const risk = await call("get", "/risk", { token: read });
    expect(risk.status).toBe(200);
    expect(Number(risk.headers.get("ratelimit-remaining"))).toBeLessThan(Number(risk.headers.get("ratelimit-limit")));
    expect((await call("get", "/risk", { token: read, query: "?limit=0" })).status).toBe(400);
  });

  it("GET /backtest: 200, a cutoff whose horizon has not passed 400, an unknown version 404", async () => {
    expect((await call("get", "/backtest", { token: read, query: "?cutoff=2026-01-01&horizon=30" })).status).toBe(200);
    expect((await call("get", "/backtest", { token: read, query: `?cutoff=${at().slice(0, 10)}` })).status).toBe(400);
    const unknown = await call("get", "/backtest", { token: read, query: "?cutoff=2026-01-01&version=999999" });
    expect(unknown.status).toBe(404);
  });

  it("every operation: 401 without a token, 403 without its scope, 429 with a spent bucket, each with the Error schema", async () => {
    const writeOnly = await apiToken(["write"]);
    const spent = await apiToken(["read", "write"]);
    const [{ id }] = await db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashApiToken(spent)));
    await db.insert(apiRateBuckets).values({ tokenId: id, tokens: 0, at: sql`now() + interval '1 hour'` });
    for (const [path, methods] of Object.entries(handlers)) {
      for (const method of Object.keys(methods) as Method[]) {
        const request = { id: customerId, body: {} };
        const lacking = method === "get" ? writeOnly : read;
        expect((await call(method, path, { ...request, token: null })).status).toBe(401);
        expect((await call(method, path, { ...request, token: lacking })).status).toBe(403);
        const limited = await call(method, path, { ...request, token: spent });
        expect(limited.status).toBe(429);
        expect(limited.headers.get("ratelimit-remaining")).toBe("0");
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
  });

  it("the answers no request here can provoke still hold to the Error schema: 409 (the same key written concurrently) and 503", async () => {
    const validate = validatorFor({ $ref: "#/components/schemas/Error" });
    for (const error of [
      { code: "23505" },
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    ]) {
      const response = errorResponse(error);
      expect([409, 503]).toContain(response.status);
      expect(validate(await response.json()) ? [] : validate.errors).toEqual([]);
      exercised.add(`post /events ${response.status}`);
    }
  });

  it("every documented answer of every operation was exercised above, and /openapi.json serves the document", async () => {
    const documented = Object.entries(operations).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.keys(operation.responses)
          // 409 and 503 belong to every operation through the one error mapping, tested above once.
          .filter((status) => !["409", "503"].includes(status) || `${method} ${path}` === "post /events")
          .map((status) => `${method} ${path} ${status}`),
      ),
    );
    expect(documented.filter((answer) => !exercised.has(answer))).toEqual([]);
    expect(await getOpenApi().json()).toEqual(document);
  });
});
