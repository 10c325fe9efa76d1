import "server-only";
import { and, asc, eq, gt, gte, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db";
import { balanceSql } from "@/db/ledger-sql";
import { customers, interactions, interactionTypes, members } from "@/db/schema";
import type { CustomerListQuery, EventListQuery } from "@/lib/api/queries";
import type { ApiCustomerView, ApiEventView, CustomerPage, EventPage, RiskPage } from "@/lib/api/schemas";
import { daysSince } from "@/lib/dates";
import { ValidationError } from "@/lib/errors";
import { milestoneLabel, stageForMilestone } from "@/lib/journey/models";
import type { RiskView } from "@/lib/risk";
import { getJourneyModels } from "@/server/journey/models";
import { getRiskList } from "@/server/risk/queries";
import { getSettings } from "@/server/settings/queries";

type CustomerRecord = { customer: typeof customers.$inferSelect; ownerName: string | null; balance: number };
type JourneyModels = Awaited<ReturnType<typeof getJourneyModels>>;

function customerView({ customer, ownerName, balance }: CustomerRecord, models: JourneyModels) {
  return {
    id: customer.id,
    externalId: customer.externalId,
    name: customer.name,
    email: customer.email,
    company: customer.company,
    plan: customer.plan,
    mrrCents: customer.mrrCents,
    status: customer.status,
    owner: customer.ownerId ? { id: customer.ownerId, name: ownerName } : null,
    milestone: {
      number: customer.milestone,
      label: milestoneLabel(customer.milestone),
      reachedAt: customer.milestoneAt.toISOString(),
    },
    stages: Object.fromEntries(
      models.map((model) => [model.key, stageForMilestone(model.stages, customer.milestone)?.name ?? null]),
    ),
    balance: Number(balance.toFixed(4)),
    risk: {
      score: customer.riskScore,
      trend30Days: customer.riskTrend,
      fatigued: customer.fatigued,
      daysSilent: daysSince(customer.lastInboundAt),
      computedAt: customer.riskComputedAt?.toISOString() ?? null,
    },
    signedUpAt: customer.signedUpAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
    churnedAt: customer.churnedAt?.toISOString() ?? null,
    referredById: customer.referredById,
  } satisfies z.output<typeof ApiCustomerView>;
}

/** Customers with their owner's name and ledger balance now, by a condition, by id. */
async function readCustomers(db: Queryable, where: SQL | undefined, limit: number): Promise<CustomerRecord[]> {
  const { ledger } = await getSettings(db, ["ledger"]);
  return db
    .select({ customer: customers, ownerName: members.name, balance: balanceSql(ledger) })
    .from(customers)
    .leftJoin(members, eq(members.id, customers.ownerId))
    .where(where)
    .orderBy(asc(customers.id))
    .limit(limit);
}

/** GET /api/v1/customers/{id}: the customer with balance, risk and the stage in every model. */
export async function getCustomerForApi(db: Queryable, { id }: { id: number }) {
  const [record] = await readCustomers(db, eq(customers.id, id), 1);
  return record ? customerView(record, await getJourneyModels(db)) : undefined;
}

/** A page's cursor: the last id it held, opaque to the caller. */
const encodeCursor = (id: number) => Buffer.from(JSON.stringify({ after: id })).toString("base64url");
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const { after } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after: unknown };
    if (Number.isSafeInteger(after) && (after as number) >= 0) return after as number;
  } catch {}
  const message = "Not a cursor this API gave out: pass the `next` of the previous page as it came.";
  throw new ValidationError(message, {}, { code: "invalid_query", items: [{ index: 0, field: "cursor", message }] });
}

/**
 * GET /api/v1/customers: customers by id after the cursor. Ids only grow, so a customer inserted
 * while a client pages lands after every page already read, and no customer is read twice.
 */
export async function listCustomersForApi(
  db: Queryable,
  query: CustomerListQuery,
): Promise<z.output<typeof CustomerPage>> {
  const after = decodeCursor(query.cursor);
  const [records, models] = await Promise.all([
    readCustomers(
      db,
      and(
        gt(customers.id, after),
        query.updatedSince ? gte(customers.updatedAt, new Date(query.updatedSince)) : undefined,
        query.ownerId ? eq(customers.ownerId, query.ownerId) : undefined,
        query.status ? eq(customers.status, query.status) : undefined,
      ),
      query.limit + 1,
    ),
    getJourneyModels(db),
  ]);
  const page = records.slice(0, query.limit);
  return {
    customers: page.map((record) => customerView(record, models)),
    next: records.length > query.limit ? encodeCursor(page[page.length - 1].customer.id) : null,
  };
}

/** GET /api/v1/events: stored interactions by id after the cursor, with the filters given. */
export async function listEventsForApi(db: Queryable, query: EventListQuery): Promise<z.output<typeof EventPage>> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select({
      id: interactions.id,
      externalId: interactions.externalId,
      customerId: interactions.customerId,
      type: interactionTypes.key,
      direction: interactions.direction,
      channel: interactions.channel,
      occurredAt: interactions.occurredAt,
      recordedAt: interactions.recordedAt,
      summary: interactions.summary,
      weightOverride: interactions.weightOverride,
      defaultWeight: interactionTypes.defaultWeight,
      source: interactions.source,
    })
    .from(interactions)
    .innerJoin(interactionTypes, eq(interactionTypes.id, interactions.typeId))
    .where(
      and(
        gt(interactions.id, after),
        query.customerId ? eq(interactions.customerId, query.customerId) : undefined,
        query.type ? eq(interactionTypes.key, query.type) : undefined,
        query.direction ? eq(interactions.direction, query.direction) : undefined,
        query.channel ? eq(interactions.channel, query.channel) : undefined,
        query.from ? gte(interactions.occurredAt, new Date(query.from)) : undefined,
        query.to ? lt(interactions.occurredAt, new Date(query.to)) : undefined,
        query.recordedSince ? gte(interactions.recordedAt, new Date(query.recordedSince)) : undefined,
      ),
    )
    .orderBy(asc(interactions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    events: page.map(
      ({ weightOverride, defaultWeight, occurredAt, recordedAt, ...row }): z.output<typeof ApiEventView> => ({
        ...row,
        occurredAt: occurredAt.toISOString(),
        recordedAt: recordedAt.toISOString(),
        weight: weightOverride ?? defaultWeight,
      }),
    ),
    next: rows.length > query.limit ? encodeCursor(page[page.length - 1].id) : null,
  };
}

/** GET /api/v1/risk: the debt-risk list, most at risk first. */
export async function getRiskForApi(
  db: Queryable,
  { limit, page, ownerEmail, view }: { limit: number; page: number; ownerEmail?: string; view: RiskView },
): Promise<z.output<typeof RiskPage>> {
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
