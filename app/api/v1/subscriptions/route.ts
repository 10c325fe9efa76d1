import { db } from "@/db";
import { SubscriptionBatchResult } from "@/lib/api/schemas";
import { apiJson, apiRoute, readJson } from "@/server/api/handler";
import { upsertSubscriptionsFromApi } from "@/server/data/api-subscriptions";

export const POST = apiRoute("write", async ({ request, caller }) => {
  const result = await upsertSubscriptionsFromApi(db, { body: await readJson(request), actor: caller.actor });
  return apiJson(SubscriptionBatchResult, result, { status: result.created > 0 ? 201 : 200 });
});
