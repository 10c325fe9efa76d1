import { getCustomerForApi } from "@/server/data/api-reads";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/server/api/handler";
import { parseId } from "@/lib/validation/fields";

export const GET = apiRoute<{ id: string }>("read", async ({ params }) => {
  const id = parseId(params.id);
  const customer = id ? await getCustomerForApi(id) : undefined;
  if (!customer) throw new ApiError(404, "not_found", `No customer with id ${params.id}.`);
  return Response.json(customer);
});
