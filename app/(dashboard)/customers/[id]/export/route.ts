import { db } from "@/db";
import { ForbiddenError } from "@/lib/errors";
import { parseId } from "@/lib/validation/fields";
import { requireMember } from "@/server/auth/session";
import { exportCustomerData } from "@/server/customers/privacy";

/** Everything stored about one customer, as a JSON download (admins: a data subject's access request). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireMember("customers.privacy");
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return Response.json({ message: error.message }, { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  const { id } = await params;
  const customerId = parseId(id);
  const data = customerId ? await exportCustomerData(db, customerId) : undefined;
  if (!data)
    return Response.json(
      { message: `There is no customer ${id}.` },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="hourglass-customer-${customerId}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
