import { db } from "@/db";
import { getCustomerForApi } from "@/server/data/api-reads";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/server/api/handler";
import { parseId } from "@/lib/validation/fields";

export const GET = apiRoute<{ id: string }>("read", async ({ params }) => {
  const id = parseId(params.id);
  const customer = id ? await getCustomerForApi(db, { id }) : undefined;
  if (!customer) throw new NotFoundError(`The customer ${params.id}`);
  return Response.json(customer);
});
