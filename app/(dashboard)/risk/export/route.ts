import { describeDriver } from "@/lib/risk";
import { db } from "@/db";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { loadRiskPage } from "@/server/risk/page";
import { requireMember } from "@/server/auth/session";
import { csvResponse } from "@/lib/csv-stream";
import { stageForMilestone } from "@/lib/journey/models";
import { readRiskQuery } from "@/server/risk/list-params";

const CHUNK = 500;

/** The filtered risk list as CSV, streamed page by page. */
export async function GET(request: Request) {
  const member = await requireMember();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const models = await getJourneyModels(db);
  const model = defaultModel(models);
  const base = readRiskQuery(params, member, models, CHUNK);
  return csvResponse(
    `hourglass-risk-${new Date().toISOString().slice(0, 10)}.csv`,
    [
      "customer_id",
      "name",
      "company",
      "owner",
      "stage",
      "plan",
      "mrr_usd",
      "risk_score",
      "balance",
      "trend_30d",
      "days_silent",
      "fatigued",
      "top_driver",
      "next_step",
    ],
    async (page: number | null) => {
      const current = page ?? 1;
      // Each chunk is read once: not worth keeping in the snapshot cache the page uses.
      const { rows } = await loadRiskPage(db, { ...base, page: current, pageSize: CHUNK });
      return {
        next: rows.length === CHUNK ? current + 1 : null,
        rows: rows.map((row) => [
          row.id,
          row.name,
          row.company,
          row.ownerName,
          stageForMilestone(model.stages, row.milestone)?.name,
          row.plan,
          (row.mrrCents / 100).toFixed(2),
          row.riskScore.toFixed(2),
          row.balance.toFixed(2),
          row.riskTrend.toFixed(2),
          row.silentDays,
          row.fatigued,
          row.drivers[0] ? describeDriver(row.drivers[0]) : undefined,
          row.steps[0]?.text,
        ]),
      };
    },
  );
}
