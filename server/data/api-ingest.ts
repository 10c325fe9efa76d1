import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { ApiError, type ItemError } from "@/lib/api/errors";
import { MAX_BATCH } from "@/server/api/handler";
import { type ApiCustomer, type ApiEvent, apiCustomerSchema, apiEventSchema } from "@/lib/validation/api";
import type { z } from "zod";
import { db } from "@/db";
import { customers, interactions, interactionTypes, members } from "@/db/schema";
import { type Actor, recordAudit } from "@/server/audit/record";
import { insertInteractionsBulk } from "@/server/ledger/bulk-interactions";
import { findEmailConflicts, insertCustomer } from "@/server/customers/commands";
import { moveMilestone } from "@/server/journey/milestones";

function readBatch<T extends z.ZodType>(body: unknown, key: string, schema: T): z.infer<T>[] {
  const items = Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(items))
    throw new ApiError(400, "invalid_body", `Send {"${key}": [ … ]} with 1 to ${MAX_BATCH} items.`);
  if (items.length === 0 || items.length > MAX_BATCH)
    throw new ApiError(400, "invalid_batch", `A batch holds 1 to ${MAX_BATCH} ${key}; this one has ${items.length}.`);
  const errors: ItemError[] = [];
  const parsed = items.map((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({ index, field: issue.path.join(".") || "(item)", message: issue.message });
    }
    return result.success ? result.data : null;
  });
  if (errors.length > 0)
    throw new ApiError(400, "invalid_items", "Some items are invalid; nothing was saved.", { errors });
  return parsed as z.infer<T>[];
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
export async function ingestEvents(body: unknown, actor: Actor) {
  const raw = (Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.events) as unknown[] | undefined;
  const events = readBatch(body, "events", apiEventSchema);
  const hashes = events.map((_, index) => canonicalHash(raw?.[index]));
  const errors: ItemError[] = [];

  const seen = new Map<string, number>();
  events.forEach((event, index) => {
    const first = seen.get(event.externalId);
    if (first !== undefined && hashes[first] !== hashes[index])
      errors.push({
        index,
        field: "externalId",
        message: `Used twice in this batch with different bodies (first at index ${first}).`,
      });
    if (first === undefined) seen.set(event.externalId, index);
  });

  const types = new Map(
    (await db.select({ key: interactionTypes.key, id: interactionTypes.id }).from(interactionTypes)).map((t) => [
      t.key,
      t.id,
    ]),
  );
  events.forEach((event, index) => {
    if (!types.has(event.type))
      errors.push({ index, field: "type", message: `Unknown interaction type '${event.type}'.` });
  });

  const customerIds = await resolveCustomers(events);
  events.forEach((event, index) => {
    if (customerIds[index] === undefined)
      errors.push({ index, field: "customer", message: "No customer matches this reference." });
  });
  if (errors.length > 0)
    throw new ApiError(400, "invalid_items", "Some events are invalid; nothing was saved.", { errors });

  return db.transaction(async (tx) => {
    const lookup = () =>
      tx
        .select({ id: interactions.id, externalId: interactions.externalId, payloadHash: interactions.payloadHash })
        .from(interactions)
        .where(and(eq(interactions.source, "api"), inArray(interactions.externalId, [...seen.keys()])));
    const conflictsWith = (known: Map<string, { payloadHash: string | null }>) =>
      events.flatMap((event, index) => {
        const row = known.get(event.externalId);
        return row && row.payloadHash !== hashes[index]
          ? [{ index, field: "externalId", message: "This key was already used for an event with a different body." }]
          : [];
      });
    const before = new Map((await lookup()).map((row) => [row.externalId ?? "", row]));
    const conflicts = conflictsWith(before);
    if (conflicts.length > 0)
      throw new ApiError(
        422,
        "idempotency_conflict",
        "An idempotency key was reused with a different body; nothing was saved.",
        { errors: conflicts },
      );

    const fresh = [...seen.entries()].filter(([key]) => !before.has(key)).map(([, index]) => index);
    const created = await insertInteractionsBulk(
      tx,
      fresh.map((index) => {
        const event = events[index];
        return {
          externalId: event.externalId,
          customerId: customerIds[index] as number,
          typeId: types.get(event.type) as number,
          occurredAt: event.occurredAt,
          weight: event.weight ?? null,
          direction: event.direction,
          channel: event.channel,
          summary: event.summary,
          payloadHash: hashes[index],
        };
      }),
      "api",
    );
    // A concurrent request may have written some of the same keys first: theirs stand, if alike.
    const after =
      created.size === fresh.length ? before : new Map((await lookup()).map((row) => [row.externalId ?? "", row]));
    const raced = conflictsWith(after);
    if (raced.length > 0)
      throw new ApiError(
        422,
        "idempotency_conflict",
        "An idempotency key was reused with a different body; nothing was saved.",
        { errors: raced },
      );
    if (created.size > 0) {
      await recordAudit(tx, actor, {
        action: "api.events_ingested",
        entityType: "interaction",
        entityId: [...created.values()][0],
        after: { created: [...created.entries()].map(([externalId, id]) => ({ externalId, id })) },
      });
    }
    return events.map((event, index) => {
      const id = created.get(event.externalId);
      if (id !== undefined && seen.get(event.externalId) === index)
        return { index, externalId: event.externalId, id, status: "created" as const };
      return {
        index,
        externalId: event.externalId,
        id: id ?? (after.get(event.externalId)?.id as number),
        status: "duplicate" as const,
      };
    });
  });
}

async function resolveCustomers(events: ApiEvent[]): Promise<(number | undefined)[]> {
  const ids = events.flatMap((e) => (e.customerId ? [e.customerId] : []));
  const externalIds = events.flatMap((e) => (e.customerExternalId ? [e.customerExternalId] : []));
  const emails = events.flatMap((e) => (e.customerEmail ? [e.customerEmail] : []));
  const rows = await db
    .select({ id: customers.id, externalId: customers.externalId, email: customers.email })
    .from(customers)
    .where(
      sql`${customers.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::int)
        or ${customers.externalId} in (select jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb))
        or lower(${customers.email}) in (select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))`,
    );
  return events.map((event) => {
    if (event.customerId) return rows.find((r) => r.id === event.customerId)?.id;
    if (event.customerExternalId) return rows.find((r) => r.externalId === event.customerExternalId)?.id;
    return rows.find((r) => r.email?.toLowerCase() === event.customerEmail)?.id;
  });
}

/** POST /api/v1/customers: upsert a batch by externalId (or email), all or nothing. */
export async function upsertCustomers(body: unknown, actor: Actor) {
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
  if (errors.length > 0)
    throw new ApiError(400, "invalid_items", "Some customers are invalid; nothing was saved.", { errors });

  return db.transaction(async (tx) => {
    const results: { index: number; id: number; status: "created" | "updated" }[] = [];
    for (const [index, input] of batch.entries()) {
      const [match] = await tx
        .select()
        .from(customers)
        .where(
          input.externalId
            ? eq(customers.externalId, input.externalId)
            : sql`lower(${customers.email}) = ${input.email}`,
        )
        .limit(1)
        .for("update");
      const values = columns(input, owners);
      if (!match) {
        const created = await insertCustomer(
          tx,
          actor,
          {
            ...values,
            milestone: input.milestone,
            signedUpAt: input.signedUpAt,
            churnedAt: input.status === "churned" ? new Date() : null,
          },
          { reason: "Created through the API", source: "api" },
        );
        results.push({ index, id: created.id, status: "created" });
        continue;
      }
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
      results.push({ index, id: match.id, status: "updated" });
    }
    return results;
  });
}

function columns(input: ApiCustomer, owners: { id: number; email: string }[]) {
  return {
    name: input.name,
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.company !== undefined ? { company: input.company } : {}),
    ...(input.plan !== undefined ? { plan: input.plan } : {}),
    ...(input.mrrCents !== undefined ? { mrrCents: input.mrrCents } : {}),
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
