import "server-only";
import { eq } from "drizzle-orm";
import { daysSince } from "@/lib/dates";
import { milestoneLabel, stageForMilestone } from "@/lib/journey/models";
import type { Queryable } from "@/db";
import { members } from "@/db/schema";
import { getCustomer } from "@/server/customers/queries";
import { getJourneyModels } from "@/server/journey/models";
import { getRiskList, type RiskView } from "@/server/risk/queries";
import { getSettings } from "@/server/settings/queries";

/** GET /api/v1/customers/{id}: the customer with balance, risk and the stage in every model. */
export async function getCustomerForApi(db: Queryable, { id }: { id: number }) {
  const row = await getCustomer(db, { id });
  if (!row) return undefined;
  const { customer } = row;
  const models = await getJourneyModels(db);
  return {
    id: customer.id,
    externalId: customer.externalId,
    name: customer.name,
    email: customer.email,
    company: customer.company,
    plan: customer.plan,
    mrrCents: customer.mrrCents,
    status: customer.status,
    owner: customer.ownerId ? { id: customer.ownerId, name: row.ownerName } : null,
    milestone: {
      number: customer.milestone,
      label: milestoneLabel(customer.milestone),
      reachedAt: customer.milestoneAt.toISOString(),
    },
    stages: Object.fromEntries(
      models.map((model) => [model.key, stageForMilestone(model.stages, customer.milestone)?.name ?? null]),
    ),
    balance: Number(row.balance.toFixed(4)),
    risk: {
      score: customer.riskScore,
      trend30Days: customer.riskTrend,
      fatigued: customer.fatigued,
      daysSilent: daysSince(customer.lastInboundAt),
      computedAt: customer.riskComputedAt?.toISOString() ?? null,
    },
    signedUpAt: customer.signedUpAt.toISOString(),
    churnedAt: customer.churnedAt?.toISOString() ?? null,
    referredById: customer.referredById,
  };
}

/** GET /api/v1/risk: the debt-risk list, most at risk first. */
export async function getRiskForApi(
  db: Queryable,
  { limit, page, ownerEmail, view }: { limit: number; page: number; ownerEmail?: string; view: RiskView },
) {
  const [owner] = ownerEmail
    ? await db.select({ id: members.id }).from(members).where(eq(members.email, ownerEmail))
    : [];
  const { risk } = await getSettings(db, ["risk"]);
  if (ownerEmail && !owner) return { view, threshold: risk.atRiskScore, total: 0, more: false, page, customers: [] };
  const { rows, total, more, threshold } = await getRiskList(db, {
    view,
    ownerId: owner?.id,
    sort: "risk",
    direction: "desc",
    page,
    pageSize: limit,
  });
  return {
    view,
    threshold,
    total,
    more,
    page,
    customers: rows.map((row) => ({
      id: row.id,
      name: row.name,
      owner: row.ownerName,
      mrrCents: row.mrrCents,
      milestone: row.milestone,
      balance: Number(row.balance.toFixed(4)),
      riskScore: row.riskScore,
      trend30Days: row.riskTrend,
      fatigued: row.fatigued,
      daysSilent: daysSince(row.lastInboundAt),
    })),
  };
}
