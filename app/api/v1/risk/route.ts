import { db } from "@/db";
import { z } from "zod";
import { getRiskForApi } from "@/server/data/api-reads";
import { RISK_VIEWS } from "@/server/risk/queries";
import { apiRoute, readQuery } from "@/server/api/handler";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  ownerEmail: z.string().trim().toLowerCase().email().optional(),
  view: z.enum(RISK_VIEWS, { message: "Use at-risk or watch." }).default("at-risk"),
});

export const GET = apiRoute("read", async ({ request }) => {
  const params = readQuery(request, query);
  return Response.json(await getRiskForApi(db, params));
});
