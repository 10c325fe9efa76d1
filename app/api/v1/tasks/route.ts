import { z } from "zod";
import { db } from "@/db";
import { TASK_STATUSES } from "@/lib/tasks";
import { apiRoute, readJson, readQuery } from "@/server/api/handler";
import { createTasksFromApi, getTasksForApi } from "@/server/data/api-tasks";

const query = z.object({
  status: z.enum(TASK_STATUSES, { message: `Use one of: ${TASK_STATUSES.join(", ")}.` }).default("open"),
  assigneeEmail: z.string().trim().toLowerCase().email("Must be an email address.").optional(),
  customerId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const GET = apiRoute("read", async ({ request }) => {
  return Response.json(await getTasksForApi(db, readQuery(request, query)));
});

export const POST = apiRoute("write", async ({ request, caller }) => {
  const result = await createTasksFromApi(db, { body: await readJson(request), actor: caller.actor });
  return Response.json(result, { status: result.created > 0 ? 201 : 200 });
});
