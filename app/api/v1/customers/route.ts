import { db } from "@/db";
import { customerListQuery } from "@/lib/api/queries";
import { CustomerBatchResult, CustomerPage } from "@/lib/api/schemas";
import { apiJson, apiRoute, readJson, readQuery } from "@/server/api/handler";
import { upsertCustomers } from "@/server/data/api-ingest";
import { listCustomersForApi } from "@/server/data/api-reads";

export const GET = apiRoute("read", async ({ request }) =>
  apiJson(CustomerPage, await listCustomersForApi(db, readQuery(request, customerListQuery))),
);

export const POST = apiRoute("write", async ({ request, caller }) => {
  const results = await upsertCustomers(db, { body: await readJson(request), actor: caller.actor });
  return apiJson(CustomerBatchResult, { results }, { status: results.some((r) => r.status === "created") ? 201 : 200 });
});
