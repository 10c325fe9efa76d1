import { db } from "@/db";
import { rocAuc } from "@/lib/backtest/metrics";
import { DAY_MS } from "@/lib/dates";
import { ValidationError } from "@/lib/errors";
import { apiJson, apiRoute, readQuery } from "@/server/api/handler";
import { backtestQuery } from "@/lib/api/queries";
import { BacktestResult } from "@/lib/api/schemas";
import { backtestAtCutoff } from "@/server/scoring/backtest";
import { configOf, getLiveVersion, getVersion } from "@/server/scoring/versions";

/** GET /api/v1/backtest: every paying customer active at a cutoff, scored as of it, with whether they churned after. */
export const GET = apiRoute("read", async ({ request }) => {
  const params = readQuery(request, backtestQuery);
  const { horizon, includeProxies } = params;
  const cutoff = new Date(`${params.cutoff}T00:00:00Z`);
  if (cutoff.getTime() + horizon * DAY_MS > Date.now()) {
    const message = `The ${horizon} days after ${params.cutoff} have not passed yet: pick an earlier cutoff or a shorter horizon.`;
    throw new ValidationError(message, {}, { code: "invalid_query", items: [{ index: 0, field: "cutoff", message }] });
  }
  const version = params.version ? await getVersion(db, { number: params.version }) : await getLiveVersion(db);
  const config = configOf(version);
  const { rows, scores } = await backtestAtCutoff(db, {
    config,
    cutoff,
    horizonDays: horizon,
    includeProxies: includeProxies === "true",
  });
  return apiJson(BacktestResult, {
    cutoff: params.cutoff,
    horizon,
    version: version.number,
    includeProxies: includeProxies === "true",
    auc: rocAuc(
      scores,
      rows.map((row) => row.churned),
    ),
    customers: rows.map((row, index) => ({
      customerId: row.customerId,
      score: scores[index],
      atRisk: scores[index] >= config.risk.atRiskScore,
      churnedWithinHorizon: row.churned,
    })),
  });
});
