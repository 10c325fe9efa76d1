import { db } from "@/db";
import { ApiCustomerView } from "@/lib/api/schemas";
import { NotFoundError } from "@/lib/errors";
import { parseId } from "@/lib/validation/fields";
import { apiJson, apiRoute, readJson } from "@/server/api/handler";
import { patchCustomerFromApi } from "@/server/data/api-ingest";
import { getCustomerForApi } from "@/server/data/api-reads";

async function customerOr404(param: string) {
  const id = parseId(param);
  const customer = id ? await getCustomerForApi(db, { id }) : undefined;
  if (!customer) throw new NotFoundError(`The customer ${param}`);
  return customer;
}

export const GET = apiRoute<{ id: string }>("read", async ({ params }) =>
  apiJson(ApiCustomerView, await customerOr404(params.id)),
);

export const PATCH = apiRoute<{ id: string }>("write", async ({ request, params, caller }) => {
  const id = parseId(params.id);
  if (!id) throw new NotFoundError(`The customer ${params.id}`);
  await patchCustomerFromApi(db, { id, body: await readJson(request), actor: caller.actor });
  return apiJson(ApiCustomerView, await customerOr404(params.id));
});
