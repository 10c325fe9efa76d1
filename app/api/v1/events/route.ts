import { db } from "@/db";
import { eventListQuery } from "@/lib/api/queries";
import { EventBatchResult, EventPage } from "@/lib/api/schemas";
import { apiJson, apiRoute, readJson, readQuery } from "@/server/api/handler";
import { ingestEvents } from "@/server/data/api-ingest";
import { listEventsForApi } from "@/server/data/api-reads";

export const GET = apiRoute("read", async ({ request }) =>
  apiJson(EventPage, await listEventsForApi(db, readQuery(request, eventListQuery))),
);

export const POST = apiRoute("write", async ({ request, caller }) => {
  const results = await ingestEvents(db, { body: await readJson(request), actor: caller.actor });
  const created = results.filter((r) => r.status === "created").length;
  return apiJson(
    EventBatchResult,
    { created, duplicates: results.length - created, results },
    { status: created > 0 ? 201 : 200 },
  );
});
