import { db } from "@/db";
import { ForbiddenError } from "@/lib/errors";
import { searchText } from "@/lib/search-params";
import { requireMember } from "@/server/auth/session";
import { searchCustomers } from "@/server/customers/queries";

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** The command palette's customer search: at most 8 customers by name, email or company (id, name, company, email). */
export async function GET(request: Request) {
  try {
    await requireMember("dashboard.read");
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ message: error.message }, 403);
    throw error;
  }
  const q = searchText(Object.fromEntries(new URL(request.url).searchParams));
  return json({ customers: q ? await searchCustomers(db, { q }) : [] });
}
