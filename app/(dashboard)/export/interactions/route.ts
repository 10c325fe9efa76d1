import { db } from "@/db";
import { DAY_MS } from "@/lib/dates";
import { exportInteractionsPage } from "@/server/data/exports";
import { requireMember } from "@/server/auth/session";
import { csvResponse } from "@/lib/csv-stream";
import { exportRangeSchema } from "@/lib/validation/exports";

/** Interactions between two dates (inclusive, UTC days), as CSV. */
export async function GET(request: Request) {
  await requireMember("dashboard.read");
  const parsed = exportRangeSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return new Response("Choose a start and an end date (YYYY-MM-DD) from 2000 on, the start not after the end.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const from = new Date(`${parsed.data.from}T00:00:00Z`);
  const to = new Date(new Date(`${parsed.data.to}T00:00:00Z`).getTime() + DAY_MS);
  return csvResponse(
    `hourglass-interactions-${parsed.data.from}-to-${parsed.data.to}.csv`,
    [
      "id",
      "occurred_at",
      "customer_id",
      "customer_external_id",
      "customer_name",
      "type",
      "weight",
      "direction",
      "channel",
      "summary",
      "source",
      "external_id",
      "logged_by",
    ],
    async (after: { at: string; id: number } | null) => {
      const page = await exportInteractionsPage(db, { range: { from, to }, after });
      return {
        next: page.next,
        rows: page.rows.map((i) => [
          i.id,
          i.occurredAt,
          i.customerId,
          i.customerExternalId,
          i.customerName,
          i.type,
          Number(i.weight),
          i.direction,
          i.channel,
          i.summary,
          i.source,
          i.externalId,
          i.actor,
        ]),
      };
    },
  );
}
