import { getTranslations } from "next-intl/server";
import { db } from "@/db";
import { driverText, stepText } from "@/components/risk/risk-words";
import { stageName } from "@/lib/i18n/journey-labels";
import { getFormat } from "@/server/i18n/format";
import { getSettings } from "@/server/settings/queries";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { loadRiskPage } from "@/server/risk/page";
import { requireMember } from "@/server/auth/session";
import { csvResponse } from "@/lib/csv-stream";
import { stageForMilestone } from "@/lib/journey/models";
import { readRiskQuery } from "@/server/risk/list-params";

const CHUNK = 500;

/**
 * The filtered risk list as CSV, streamed page by page: column names for programs, the stage, the
 * reason and the next step in the member's language for the person who opens it.
 */
export async function GET(request: Request) {
  const member = await requireMember();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const [models, { book }, t, tl, tj, f] = await Promise.all([
    getJourneyModels(db),
    getSettings(db, ["book"]),
    getTranslations("risk"),
    getTranslations("labels"),
    getTranslations("journey"),
    getFormat(),
  ]);
  const model = defaultModel(models);
  const base = readRiskQuery(params, member, models, CHUNK);
  const stageOf = (milestone: number) => {
    const stage = stageForMilestone(model.stages, milestone);
    return stage ? stageName(tj, model, stage) : undefined;
  };
  return csvResponse(
    `hourglass-risk-${new Date().toISOString().slice(0, 10)}.csv`,
    [
      "customer_id",
      "name",
      "company",
      "owner",
      "stage",
      "plan",
      `mrr_${book.currency.toLowerCase()}`,
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
          stageOf(row.milestone),
          row.plan,
          (row.mrrCents / 100).toFixed(2),
          row.riskScore.toFixed(2),
          row.balance.toFixed(2),
          row.riskTrend.toFixed(2),
          row.silentDays,
          row.fatigued,
          row.drivers[0] ? driverText(t, tl, f, row.drivers[0]) : undefined,
          row.steps[0] ? stepText(t, tl, f, row.steps[0]) : undefined,
        ]),
      };
    },
  );
}
