import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Queryable, queryRows } from "@/db";
import { type Customer, customers, interactionTypes, members } from "@/db/schema";
import { IdempotencyConflictError, type ItemError, ValidationError } from "@/lib/errors";
import {
  type ApiCustomerPatch,
  type ApiEvent,
  apiCustomerPatchSchema,
  apiCustomerSchema,
  apiEventSchema,
  MAX_BATCH,
} from "@/lib/validation/api";
import { type Actor, recordAudit } from "@/server/audit/record";
import { findEmailConflicts, insertCustomer } from "@/server/customers/commands";
import { lockCustomer } from "@/server/customers/lock";
import { moveMilestone } from "@/server/journey/milestones";
import { bookInteractions } from "@/server/ledger/booking";
import { refreshRisk } from "@/server/risk/refresh";
import { endSubscriptions, setCustomerMrr } from "@/server/revenue/engine";

export function invalidItems(message: string, items: ItemError[]): ValidationError {
  return new ValidationError(message, {}, { code: "invalid_items", items });
}

export function readBatch<T extends z.ZodType>(body: unknown, key: string, schema: T): z.infer<T>[] {
  const items = Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(items)) {
    throw new ValidationError(`Send {"${key}": [ … ]} with 1 to ${MAX_BATCH} items.`, {}, { code: "invalid_body" });
  }
  if (items.length === 0 || items.length > MAX_BATCH) {
    const message = `A batch holds 1 to ${MAX_BATCH} ${key}; this one has ${items.length}.`;
    throw new ValidationError(message, {}, { code: "invalid_batch" });
  }
  const errors: ItemError[] = [];
  const parsed = items.map((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({ index, field: issue.path.join(".") || "(item)", message: issue.message });
    }
    return result.success ? result.data : null;
  });
  if (errors.length > 0) throw invalidItems("Some items are invalid; nothing was saved.", errors);
  return parsed as z.infer<T>[];
}

/**
 * A batch whose items carry an idempotency key (`externalId`): the parsed items, each item's body
 * hash, the index where each key first appears, and an error for a key used twice with different bodies.
 */
export function readKeyedBatch<T extends z.ZodType<{ externalId: string }>>(body: unknown, key: string, schema: T) {
  const raw = (Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.[key]) as unknown[] | undefined;
  const items = readBatch(body, key, schema);
  const hashes = items.map((_, index) => canonicalHash(raw?.[index]));
  const errors: ItemError[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.externalId);
    if (first !== undefined && hashes[first] !== hashes[index])
      errors.push({
        index,
        field: "externalId",
        message: `Used twice in this batch with different bodies (first at index ${first}).`,
      });
    if (first === undefined) seen.set(item.externalId, index);
  });
  return { items, hashes, seen, errors };
}

function canonicalHash(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sorted(x)]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(sorted(value)))
    .digest("hex");
}

/**
 * POST /api/v1/events: a batch of interactions, each with its idempotency key. All or nothing:
 * a bad item, an unknown customer or a reused key with another body rejects the whole batch.
 */
export async function ingestEvents(db: Queryable, { body, actor }: { body: unknown; actor: Actor }) {
  const { items: events, hashes, seen, errors } = readKeyedBatch(body, "events", apiEventSchema);

  const types = new Set((await db.select({ key: interactionTypes.key }).from(interactionTypes)).map((t) => t.key));
  events.forEach((event, index) => {
    if (!types.has(event.type))
      errors.push({ index, field: "type", message: `Unknown interaction type '${event.type}'.` });
  });

  const customerIds = await resolveCustomers(db, events);
  events.forEach((event, index) => {
    if (customerIds[index] === undefined)
      errors.push({ index, field: "customer", message: "No customer matches this reference." });
  });
  if (errors.length > 0) throw invalidItems("Some events are invalid; nothing was saved.", errors);

  return db.transaction(async (tx) => {
    const keys = [...seen.keys()];
    const booked = await bookInteractions(
      tx,
      keys.map((key) => {
        const index = seen.get(key) as number;
        const event = events[index];
        return {
          customerId: customerIds[index] as number,
          typeKey: event.type,
          occurredAt: event.occurredAt,
          weight: event.weight ?? null,
          direction: event.direction,
          channel: event.channel,
          summary: event.summary,
          externalId: event.externalId,
          payloadHash: hashes[index],
        };
      }),
      { actor, source: "api", audit: { batch: "api.events_ingested" }, milestoneReason: "Event from the API" },
    );
    const created = new Map(booked.flatMap((row) => (row.booked ? [[keys[row.index], row.id]] : [])));
    // Keys already held (sent before, or by a concurrent request first): theirs stand if alike; a
    // different body rejects the whole batch, and the transaction takes back what was booked.
    const held = created.size === keys.length ? new Map<string, HeldEvent>() : await heldEvents(tx, keys);
    const conflicts = events.flatMap((event, index) => {
      const row = held.get(event.externalId);
      return row && !created.has(event.externalId) && row.payloadHash !== hashes[index]
        ? [{ index, field: "externalId", message: "This key was already used for an event with a different body." }]
        : [];
    });
    if (conflicts.length > 0) throw new IdempotencyConflictError(conflicts);
    return events.map((event, index) => {
      const id = created.get(event.externalId);
      if (id !== undefined && seen.get(event.externalId) === index)
        return { index, externalId: event.externalId, id, status: "created" as const };
      return {
        index,
        externalId: event.externalId,
        id: id ?? (held.get(event.externalId)?.id as number),
        status: "duplicate" as const,
      };
    });
  });
}

type HeldEvent = { id: number; payloadHash: string | null };

/** The API events already stored under these keys: one index probe per key. */
async function heldEvents(tx: Queryable, keys: string[]): Promise<Map<string, HeldEvent>> {
  const rows = await queryRows<{ id: string; externalId: string; payloadHash: string | null }>(
    tx,
    sql`select i.id::text as id, i.external_id as "externalId", i.payload_hash as "payloadHash"
        from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as k(external_id)
        join interactions i on i.source = 'api' and i.external_id = k.external_id`,
  );
  return new Map(rows.map((row) => [row.externalId, { id: Number(row.id), payloadHash: row.payloadHash }]));
}

/** Each item's customer by id, external id or email (whichever it names); undefined where none matches. */
export async function resolveCustomers(
  db: Queryable,
  events: Pick<ApiEvent, "customerId" | "customerExternalId" | "customerEmail">[],
): Promise<(number | undefined)[]> {
  const list = (values: (string | number | undefined)[]) =>
    JSON.stringify([...new Set(values.filter((v) => v !== undefined))]);
  // One index lookup per kind of reference: an `or` of the three would read every customer.
  const rows = await queryRows<{ id: number; externalId: string | null; email: string | null }>(
    db,
    sql`select id, external_id as "externalId", lower(email) as email from customers
        where id in (select jsonb_array_elements_text(${list(events.map((e) => e.customerId))}::jsonb)::int)
      union all
      select id, external_id, lower(email) from customers
        where external_id in (select jsonb_array_elements_text(${list(events.map((e) => e.customerExternalId))}::jsonb))
      union all
      select id, external_id, lower(email) from customers
        where lower(email) in (select jsonb_array_elements_text(${list(events.map((e) => e.customerEmail))}::jsonb))`,
  );
  const byId = new Set(rows.map((r) => r.id));
  const byExternalId = new Map(rows.flatMap((r) => (r.externalId ? [[r.externalId, r.id] as const] : [])));
  const byEmail = new Map(rows.flatMap((r) => (r.email ? [[r.email, r.id] as const] : [])));
  return events.map((event) => {
    if (event.customerId) return byId.has(event.customerId) ? event.customerId : undefined;
    if (event.customerExternalId) return byExternalId.get(event.customerExternalId);
    return event.customerEmail ? byEmail.get(event.customerEmail) : undefined;
  });
}

/** POST /api/v1/customers: upsert a batch by externalId (or email), all or nothing. */
export async function upsertCustomers(db: Queryable, { body, actor }: { body: unknown; actor: Actor }) {
  const batch = readBatch(body, "customers", apiCustomerSchema);
  const ownerEmails = [...new Set(batch.flatMap((c) => (c.ownerEmail ? [c.ownerEmail] : [])))];
  const owners = ownerEmails.length
    ? await db
        .select({ id: members.id, email: members.email })
        .from(members)
        .where(and(inArray(members.email, ownerEmails), eq(members.active, true)))
    : [];
  const errors: ItemError[] = [];
  batch.forEach((c, index) => {
    if (c.ownerEmail && !owners.some((o) => o.email === c.ownerEmail))
      errors.push({ index, field: "ownerEmail", message: "No active team member has this email." });
  });
  for (const { index, sameAs } of await findEmailConflicts(db, batch)) {
    errors.push({
      index,
      field: "email",
      message: sameAs === undefined ? "Another customer already uses this email." : `Same email as item ${sameAs}.`,
    });
  }
  errors.sort((a, b) => a.index - b.index);
  if (errors.length > 0) throw invalidItems("Some customers are invalid; nothing was saved.", errors);

  return db.transaction(async (tx) => {
    const results: { index: number; id: number; status: "created" | "updated" }[] = [];
    for (const [index, input] of batch.entries()) {
      const [found] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(
          input.externalId
            ? eq(customers.externalId, input.externalId)
            : sql`lower(${customers.email}) = ${input.email}`,
        )
        .limit(1);
      const match = found ? await lockCustomer(tx, found.id) : undefined;
      const values = columns(input, owners);
      if (!match) {
        const created = await insertCustomer(tx, {
          actor,
          values: {
            ...values,
            name: input.name,
            milestone: input.milestone,
            signedUpAt: input.signedUpAt,
            churnedAt: input.status === "churned" ? new Date() : null,
          },
          history: { reason: "Created through the API", source: "api" },
        });
        await bookCustomerRevenue(tx, actor, index, created, input, created.convertedAt ?? created.signedUpAt);
        results.push({ index, id: created.id, status: "created" });
        continue;
      }
      await updateCustomer(tx, actor, { index, match, input, values });
      results.push({ index, id: match.id, status: "updated" });
    }
    // A status or milestone set here changes the risk score (churned customers have none, paying ones can go silent).
    await refreshRisk(tx, { customerIds: results.map((r) => r.id) });
    return results;
  });
}

/** One customer's fields changed through the API: the row, a forward milestone, the audit, its revenue. */
async function updateCustomer(
  tx: Queryable,
  actor: Actor,
  { index, match, input, values }: { index: number; match: Customer; input: ApiCustomerPatch; values: object },
): Promise<Customer> {
  const [updated] = await tx
    .update(customers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(customers.id, match.id))
    .returning();
  if (input.milestone && input.milestone > match.milestone) {
    await moveMilestone(tx, {
      customerId: match.id,
      from: match.milestone,
      to: input.milestone,
      at: new Date(),
      actorId: null,
      reason: "Updated through the API",
      source: "api",
    });
  }
  await recordAudit(tx, actor, {
    action: "customer.updated",
    entityType: "customer",
    entityId: match.id,
    before: match,
    after: updated,
  });
  await bookCustomerRevenue(tx, actor, index, updated, input, new Date());
  return updated;
}

/**
 * PATCH /api/v1/customers/{id}: the fields sent, changed as a batch item would change them. An
 * email or external id another customer holds is refused; nothing is written on any error.
 */
export async function patchCustomerFromApi(
  db: Queryable,
  { id, body, actor }: { id: number; body: unknown; actor: Actor },
): Promise<void> {
  const parsed = apiCustomerPatchSchema.safeParse(body);
  if (!parsed.success)
    throw invalidItems(
      "Some fields are invalid; nothing was saved.",
      parsed.error.issues.map((issue) => ({
        index: 0,
        field: issue.path.join(".") || "(body)",
        message: issue.message,
      })),
    );
  const input = parsed.data;
  const owners = input.ownerEmail
    ? await db
        .select({ id: members.id, email: members.email })
        .from(members)
        .where(and(eq(members.email, input.ownerEmail), eq(members.active, true)))
    : [];
  const taken =
    input.email !== undefined || input.externalId !== undefined
      ? await queryRows<{ email: boolean; externalId: boolean }>(
          db,
          sql`select bool_or(lower(email) = ${input.email ?? null}) as email, bool_or(external_id = ${input.externalId ?? null}) as "externalId"
              from customers where id <> ${id} and (lower(email) = ${input.email ?? null} or external_id = ${input.externalId ?? null})`,
        )
      : [];
  const errors: ItemError[] = [];
  if (input.ownerEmail && owners.length === 0)
    errors.push({ index: 0, field: "ownerEmail", message: "No active team member has this email." });
  if (taken[0]?.email) errors.push({ index: 0, field: "email", message: "Another customer already uses this email." });
  if (taken[0]?.externalId)
    errors.push({ index: 0, field: "externalId", message: "Another customer already has this external id." });
  if (errors.length > 0) throw invalidItems("Some fields are invalid; nothing was saved.", errors);

  await db.transaction(async (tx) => {
    const match = await lockCustomer(tx, id, `The customer ${id}`);
    await updateCustomer(tx, actor, { index: 0, match, input, values: columns(input, owners) });
    await refreshRisk(tx, { customerIds: [id] });
  });
}

/** An item's `mrr` and `status` as revenue: its one subscription set to the figure, ended when it churned. */
async function bookCustomerRevenue(
  tx: Queryable,
  actor: Actor,
  index: number,
  customer: Customer,
  input: ApiCustomerPatch,
  effectiveAt: Date,
): Promise<void> {
  try {
    if (input.mrrCents !== undefined) await setCustomerMrr(tx, actor, customer, input.mrrCents, effectiveAt);
    if (customer.status === "churned") await endSubscriptions(tx, actor, customer.id, customer.churnedAt ?? new Date());
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const message = Object.values(error.fieldErrors ?? {}).flat()[0] ?? error.message;
    throw invalidItems("Some customers are invalid; nothing was saved.", [{ index, field: "mrr", message }]);
  }
}

function columns(input: ApiCustomerPatch, owners: { id: number; email: string }[]) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.company !== undefined ? { company: input.company } : {}),
    ...(input.plan !== undefined ? { plan: input.plan } : {}),
    ...(input.ownerEmail !== undefined
      ? { ownerId: owners.find((o) => o.email === input.ownerEmail)?.id ?? null }
      : {}),
    ...(input.status !== undefined
      ? {
          status: input.status,
          churnedAt: input.status === "churned" ? sql`coalesce(${customers.churnedAt}, now())` : null,
        }
      : {}),
  };
}
