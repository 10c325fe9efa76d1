import { db } from "@/db";
import { riskQuery } from "@/lib/api/queries";
import { RiskPage } from "@/lib/api/schemas";
import { apiJson, apiRoute, readQuery } from "@/server/api/handler";
import { getRiskForApi } from "@/server/data/api-reads";

export const GET = apiRoute("read", async ({ request }) =>
  apiJson(RiskPage, await getRiskForApi(db, readQuery(request, riskQuery))),
);
