import { db } from "@/db";
import { ingestEvents } from "@/server/data/api-ingest";
import { apiRoute, readJson } from "@/server/api/handler";

export const POST = apiRoute("write", async ({ request, caller }) => {
  const results = await ingestEvents(db, { body: await readJson(request), actor: caller.actor });
  const created = results.filter((r) => r.status === "created").length;
  return Response.json({ created, duplicates: results.length - created, results }, { status: created > 0 ? 201 : 200 });
});
