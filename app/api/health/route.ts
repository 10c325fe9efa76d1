import { db } from "@/db";
import { connection } from "next/server";
import { checkDatabase } from "@/server/system/health";

export async function GET() {
  await connection();
  const ok = await checkDatabase(db);
  return Response.json(
    { db: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
