import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { subscriptions } from "@/db/schema";
import { inEnglish, type Text } from "@/lib/error-messages";
import { type ItemError, ValidationError } from "@/lib/errors";
import { nextRenewalOn } from "@/lib/revenue";
import { type ApiSubscription, apiSubscriptionSchema } from "@/lib/validation/api";
import type { Actor } from "@/server/audit/record";
import { bookSubscriptionChanges } from "@/server/revenue/engine";
import { invalidItems, readKeyedBatch, resolveCustomers } from "./api-ingest";

export type SubscriptionItemStatus = "created" | "updated" | "unchanged";
export type KeyedSubscription = { item: ApiSubscription; customerId: number; hash: string };

/**
 * Sets each keyed subscription to the state its item describes, from `effectiveAt` (default now):
 * a new key starts one, a key with another body changes it (booked as a movement when its ARR
 * changes), the same body again writes nothing. A refused item throws an ItemError with its position.
 */
export async function applySubscriptionStates(
  tx: Queryable,
  actor: Actor,
  keyed: readonly KeyedSubscription[],
): Promise<{ id: number; status: SubscriptionItemStatus }[]> {
  const held = await tx
    .select({
      id: subscriptions.id,
      externalId: subscriptions.externalId,
      payloadHash: subscriptions.payloadHash,
      renewsOn: subscriptions.renewsOn,
    })
    .from(subscriptions)
    .where(
      inArray(
        subscriptions.externalId,
        keyed.map((k) => k.item.externalId),
      ),
    );
  const outcomes: { id: number; status: SubscriptionItemStatus }[] = [];
  for (const [position, { item, customerId, hash }] of keyed.entries()) {
    const existing = held.find((row) => row.externalId === item.externalId);
    if (existing?.payloadHash === hash) {
      outcomes.push({ id: existing.id, status: "unchanged" });
      continue;
    }
    const effectiveAt = item.effectiveAt ?? new Date();
    try {
      const [booked] = await bookSubscriptionChanges(tx, actor, [
        {
          customerId,
          externalId: item.externalId,
          payloadHash: hash,
          plan: item.plan,
          amountCents: item.amountCents,
          currency: item.currency,
          interval: item.interval,
          renewsOn:
            item.renewsOn !== undefined
              ? item.renewsOn
              : (existing?.renewsOn ?? nextRenewalOn(effectiveAt, item.interval, new Date())),
          status: item.status,
          cancelAtPeriodEnd: item.cancelAtPeriodEnd,
          effectiveAt,
        },
      ]);
      outcomes.push({ id: booked.subscription.id, status: existing ? "updated" : "created" });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const [field, texts] = Object.entries(error.fieldTexts)[0] ?? ["(item)", [error.text]];
      const text = texts[0] ?? error.text;
      throw new SubscriptionItemError(position, { index: position, field, message: inEnglish(text) }, text);
    }
  }
  return outcomes;
}

/** One item the booking engine refused; `position` is its place in the list given, `text` the problem to say. */
export class SubscriptionItemError extends Error {
  constructor(
    readonly position: number,
    readonly problem: ItemError,
    readonly text: Text = problem.message,
  ) {
    super(problem.message);
  }
}

/** POST /api/v1/subscriptions: a batch of subscription states, all or nothing. */
export async function upsertSubscriptionsFromApi(db: Queryable, { body, actor }: { body: unknown; actor: Actor }) {
  const { items: batch, hashes, seen, errors } = readKeyedBatch(body, "subscriptions", apiSubscriptionSchema);
  const customerIds = await resolveCustomers(db, batch);
  batch.forEach((item, index) => {
    if (customerIds[index] === undefined)
      errors.push({ index, field: "customer", message: "No customer matches this reference." });
  });
  errors.sort((a, b) => a.index - b.index);
  if (errors.length > 0) throw invalidItems("Some subscriptions are invalid; nothing was saved.", errors);

  return db.transaction(async (tx) => {
    const firsts = [...seen.values()];
    let outcomes: { id: number; status: SubscriptionItemStatus }[];
    try {
      outcomes = await applySubscriptionStates(
        tx,
        actor,
        firsts.map((index) => ({ item: batch[index], customerId: customerIds[index] as number, hash: hashes[index] })),
      );
    } catch (error) {
      if (!(error instanceof SubscriptionItemError)) throw error;
      const problem = { ...error.problem, index: firsts[error.position] };
      throw invalidItems("Some subscriptions are invalid; nothing was saved.", [problem]);
    }
    const byKey = new Map(firsts.map((index, i) => [batch[index].externalId, outcomes[i]]));
    const results = batch.map((item, index) => {
      const { id, status } = byKey.get(item.externalId) as { id: number; status: SubscriptionItemStatus };
      // A key repeated in one batch with the same body is done once; its repeats are unchanged.
      const repeat = seen.get(item.externalId) !== index;
      return { index, externalId: item.externalId, id, status: repeat ? ("unchanged" as const) : status };
    });
    const count = (status: SubscriptionItemStatus) => results.filter((r) => r.status === status).length;
    return { created: count("created"), updated: count("updated"), unchanged: count("unchanged"), results };
  });
}
