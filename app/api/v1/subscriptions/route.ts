import { db } from "@/db";
import { apiRoute, readJson } from "@/server/api/handler";
import { upsertSubscriptionsFromApi } from "@/server/data/api-subscriptions";

export const POST = apiRoute("write", async ({ request, caller }) => {
  const result = await upsertSubscriptionsFromApi(db, { body: await readJson(request), actor: caller.actor });
  return Response.json(result, { status: result.created > 0 ? 201 : 200 });
});
