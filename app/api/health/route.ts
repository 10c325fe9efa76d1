import { connection } from "next/server";
import { healthReport } from "@/server/system/health";

export async function GET() {
  await connection();
  const { status, body } = await healthReport();
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
