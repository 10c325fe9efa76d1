import { getJourneyModels } from "@/db/queries/journey";
import { getRiskPage } from "@/db/queries/risk-page";
import { requireMember } from "@/lib/auth/session";
import { csvRow } from "@/lib/csv";
import { daysSince } from "@/lib/dates";
import { stageForMilestone } from "@/lib/journey";
import { readRiskQuery } from "@/lib/risk-query";

const CHUNK = 500;

/** The filtered risk list as CSV, streamed page by page so a large book never sits in memory. */
export async function GET(request: Request) {
  const member = await requireMember();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const models = await getJourneyModels();
  const model = models.find((m) => m.isDefault) ?? models[0];
  const base = readRiskQuery(params, member, models, CHUNK);
  const encoder = new TextEncoder();
  let page = 1;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          csvRow(["customer_id", "name", "company", "owner", "stage", "plan", "mrr_usd", "risk_score", "balance", "trend_30d", "days_silent", "fatigued", "top_driver", "next_step"]),
        ),
      );
    },
    async pull(controller) {
      const { rows } = await getRiskPage({ ...base, page, pageSize: CHUNK });
      for (const row of rows) {
        controller.enqueue(
          encoder.encode(
            csvRow([
              row.id, row.name, row.company, row.ownerName, stageForMilestone(model.stages, row.milestone)?.name, row.plan,
              (row.mrrCents / 100).toFixed(2), row.riskScore.toFixed(2), row.balance.toFixed(2), row.riskTrend.toFixed(2),
              daysSince(row.lastInboundAt), row.fatigued, row.drivers[0]?.label, row.steps[0]?.text,
            ]),
          ),
        );
      }
      page += 1;
      if (rows.length < CHUNK) controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hourglass-risk-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
