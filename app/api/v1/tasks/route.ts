import { db } from "@/db";
import { taskQuery } from "@/lib/api/queries";
import { TaskBatchResult, TaskPage } from "@/lib/api/schemas";
import { apiJson, apiRoute, readJson, readQuery } from "@/server/api/handler";
import { createTasksFromApi, getTasksForApi } from "@/server/data/api-tasks";

export const GET = apiRoute("read", async ({ request }) =>
  apiJson(TaskPage, await getTasksForApi(db, readQuery(request, taskQuery))),
);

export const POST = apiRoute("write", async ({ request, caller }) => {
  const result = await createTasksFromApi(db, { body: await readJson(request), actor: caller.actor });
  return apiJson(TaskBatchResult, result, { status: result.created > 0 ? 201 : 200 });
});
