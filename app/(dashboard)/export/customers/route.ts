import { db } from "@/db";
import { getJourneyModels } from "@/server/journey/models";
import { exportCustomersPage } from "@/server/data/exports";
import { requireMember } from "@/server/auth/session";
import { csvResponse } from "@/lib/csv-stream";
import { stageForMilestone } from "@/lib/journey/models";
import { getSettings } from "@/server/settings/queries";

/** Every customer with stages, balance and risk, as CSV. */
export async function GET() {
  await requireMember("dashboard.read");
  const [models, { book }] = await Promise.all([getJourneyModels(db), getSettings(db, ["book"])]);
  return csvResponse(
    `hourglass-customers-${new Date().toISOString().slice(0, 10)}.csv`,
    [
      "id",
      "external_id",
      "name",
      "email",
      "company",
      "plan",
      `mrr_${book.currency.toLowerCase()}`,
      "status",
      "milestone",
      ...models.map((m) => `stage_${m.key}`),
      "owner_email",
      "signed_up_at",
      "churned_at",
      "balance",
      "risk_score",
      "fatigued",
      "last_inbound_at",
    ],
    async (after: number | null) => {
      const page = await exportCustomersPage(db, { afterId: after });
      return {
        next: page.next,
        rows: page.rows.map((c) => [
          c.id,
          c.externalId,
          c.name,
          c.email,
          c.company,
          c.plan,
          (c.mrrCents / 100).toFixed(2),
          c.status,
          c.milestone,
          ...models.map((m) => stageForMilestone(m.stages, c.milestone)?.name),
          c.owner,
          c.signedUpAt,
          c.churnedAt,
          Number(c.balance).toFixed(3),
          Number(c.riskScore).toFixed(3),
          c.fatigued,
          c.lastInboundAt,
        ]),
      };
    },
  );
}
