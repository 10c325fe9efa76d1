import { upsertCustomers } from "@/server/data/api-ingest";
import { apiRoute, readJson } from "@/server/api/handler";

export const POST = apiRoute("write", async ({ request, caller }) => {
  const results = await upsertCustomers(await readJson(request), caller.actor);
  return Response.json({ results }, { status: results.some((r) => r.status === "created") ? 201 : 200 });
});
