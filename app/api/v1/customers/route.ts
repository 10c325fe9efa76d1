import { db } from "@/db";
import { upsertCustomers } from "@/server/data/api-ingest";
import { apiRoute, readJson } from "@/server/api/handler";

export const POST = apiRoute("write", async ({ request, caller }) => {
  const results = await upsertCustomers(db, { body: await readJson(request), actor: caller.actor });
  return Response.json({ results }, { status: results.some((r) => r.status === "created") ? 201 : 200 });
});
