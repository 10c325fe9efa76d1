import { sql } from "drizzle-orm";
import { db, type Queryable } from "@/db";
import { insertRows, resetIdentity } from "@/db/bulk-insert";
import { advocateRoles, customers, members, settings } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Channel } from "@/lib/channels";
import { DAY_MS as DAY } from "@/lib/dates";
import { type Actor, recordAudit } from "@/server/audit/record";
import { seedDemoPlaybooks } from "./playbooks";
import { type BookingRow, bookInteractions } from "@/server/ledger/booking";
import { DEMO_MEMBERS, DEMO_PASSWORD } from "@/lib/demo/members";
import { createRandom, type Random } from "@/lib/demo/random";
import { addUsage, type DemoCustomer, demoRandom, generateDemoCustomer } from "@/lib/demo/story";
import { demoMovements, revenueStory } from "@/lib/demo/revenue-story";
import { BOOK_CURRENCY, classifyMovements, monthlyCents } from "@/lib/revenue";

const BATCH = 2_000;
// Rows per call of the booking engine: one JSON parameter each.
const BOOKING_CHUNK = 20_000;
const SEED_ACTOR: Actor = { id: null, label: "demo seed" };
// Revenue draws from a stream of its own, so the rest of the book is the same with or without it.
const REVENUE_STREAM = 0x5eed;

export type SeedOptions = {
  customers: number;
  seed: number;
  now: Date;
  /** Total interactions to reach: the book's own life plus extra logins spread over active customers. */
  interactions?: number;
  /** Gives one long-standing customer this many extra interactions (the heaviest timeline). */
  heavyCustomerInteractions?: number;
  /** The book's currency and time zone (Settings → Book): prices are the same numbers in it. */
  book?: { currency: string; timeZone: string };
  log?: (message: string) => void;
};
export type SeedSummary = {
  members: number;
  customers: number;
  interactions: number;
  delightMoments: number;
  heavyCustomerId: number | null;
  seconds: number;
};

const CHANNEL: Record<string, string> = {
  content_view: "web",
  ad_click: "web",
  social_engagement: "social",
  guide_read: "web",
  signup: "web",
  trial_started: "in_app",
  demo: "meeting",
  proposal: "email",
  purchase: "in_app",
  onboarding_session: "meeting",
  onboarding_completed: "in_app",
  login: "in_app",
  praise: "email",
  feature_adopted: "in_app",
  goal_reached: "meeting",
  issue_resolved_fast: "chat",
  delight_moment: "email",
  community_contribution: "community",
  referral: "community",
  review: "web",
  nps_promoter: "survey",
  nps_passive: "survey",
  nps_detractor: "survey",
  renewal: "in_app",
  upgrade: "in_app",
  bug_report: "chat",
  error_hit: "in_app",
  support_ticket: "email",
  complaint: "email",
  social_mention: "social",
  outage: "in_app",
  slow_response: "email",
  billing_problem: "email",
  ignored_outreach: "email",
  downgrade: "in_app",
  cancellation_request: "email",
  note: "other",
  call: "phone",
  meeting: "meeting",
  outbound_email: "email",
};
const SUMMARY: Record<string, string[]> = {
  complaint: [
    "Export keeps timing out, third time this week",
    "Invoice was wrong again",
    "Nobody answered my ticket for days",
    "The new editor lost my draft",
  ],
  bug_report: [
    "Charts render blank in Safari",
    "CSV import skips the last row",
    "Search ignores umlauts",
    "Date picker shows the wrong week",
  ],
  support_ticket: [
    "How do I add a teammate?",
    "Need help with SSO setup",
    "Where is the API key?",
    "Question about the invoice",
  ],
  praise: ["Loved the onboarding call", "The new dashboard saves me an hour a day", "Your support team is amazing"],
  social_mention: ["Tweeted that the app was down again", "Posted a frustrated thread about pricing"],
  note: ["Champion is changing teams next month", "Budget review in Q1", "Prefers email over calls"],
  call: ["Quarterly check-in", "Walked through the reporting setup"],
  meeting: ["Business review with their team lead", "Roadmap session"],
  outbound_email: [
    "Checking in: anything we can help with?",
    "New feature you might like",
    "Invitation to our webinar",
  ],
};
const GESTURES = [
  "Handwritten note and a fix shipped the same day",
  "Sent a care package",
  "Founder called personally",
  "Extended the plan by a month for free",
  "Recorded a personal video walkthrough",
];
const OUTCOMES = [
  "Customer posted a thank-you on LinkedIn",
  "Renewed for another year",
  "Replied with a smiley",
  "Became a reference customer",
  "",
];
const COMMUNITY_KINDS = [
  "moderated",
  "answered_questions",
  "gave_talk",
  "wrote_post",
  "product_feedback",
  "hosted_event",
] as const;
const ASK_KINDS = ["reference_call", "review", "case_study", "talk", "beta_feedback"] as const;

export async function databaseHasData(runner: Queryable = db): Promise<boolean> {
  const [row] = await runner
    .select({ any: sql<boolean>`exists(select 1 from ${members}) or exists(select 1 from ${customers})` })
    .from(sql`(select 1) as one`);
  return row.any;
}

type SeededCustomer = DemoCustomer & { id: number; ownerId: number; referredById: number | null };

/** A batch's rows other than interactions, which refer to them by position until they are booked. */
type Rows = {
  milestones: Record<string, unknown>[];
  delight: Record<string, unknown>[];
  assignments: Record<string, unknown>[];
  activities: Record<string, unknown>[];
  asks: Record<string, unknown>[];
};

/**
 * Seeds a deterministic demo book into an empty database: the same seed and reference date
 * always give the same data. Customers come from the generative story of lib/demo/story.ts
 * (docs/demo-data.md); their interactions are booked through the booking engine, a batch of
 * 2,000 customers at a time, each batch in one transaction.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  if (await databaseHasData()) {
    throw new Error("The database already has members or customers; the demo seed only fills an empty database.");
  }
  const random = createRandom(options.seed);
  if (options.book)
    await db
      .insert(settings)
      .values({ key: "book", value: options.book })
      .onConflictDoUpdate({ target: settings.key, set: { value: options.book } });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const memberRows = await db
    .insert(members)
    .values(DEMO_MEMBERS.map((m) => ({ ...m, passwordHash })))
    .returning({ id: members.id, role: members.role });
  const ownerOf = (r: Random) => {
    const roll = r.next();
    const role = roll < 0.5 ? "csm" : roll < 0.75 ? "manager" : "admin";
    return memberRows.find((m) => m.role === role)?.id ?? memberRows[0].id;
  };
  const roleRows = await db.select({ id: advocateRoles.id, key: advocateRoles.key }).from(advocateRoles);

  const ids = { delight: 1, assignment: 1, activity: 1, ask: 1 };
  let interactionCount = 0;
  let delightCount = 0;
  let heavyCustomerId: number | null = null;

  for (let batchStart = 0; batchStart < options.customers; batchStart += BATCH) {
    const batchSize = Math.min(BATCH, options.customers - batchStart);
    const generated: SeededCustomer[] = [];
    for (let i = 0; i < batchSize; i++) {
      const id = batchStart + i + 1;
      const customer = generateDemoCustomer(demoRandom(options.seed, id), id, options.now);
      generated.push({ ...customer, id, ownerId: ownerOf(random), referredById: null });
    }
    const referredBy = linkReferrals(generated);
    const target = options.interactions
      ? Math.round((options.interactions * (batchStart + batchSize)) / options.customers) - interactionCount
      : 0;
    if (batchStart === 0 && options.heavyCustomerInteractions) {
      heavyCustomerId = addHeavyCustomer(random, generated, options.heavyCustomerInteractions, options.now);
    }
    if (target > 0) addUsage(generated, target, random, options.now);

    // Interactions are booked through the engine after the customers exist; until then the other
    // rows refer to them by their position in `pending`, resolved to ids once booked.
    const pending: BookingRow[] = [];
    const rows: Rows = { milestones: [], delight: [], assignments: [], activities: [], asks: [] };
    for (const c of generated) {
      const first = pending.length;
      const ref = (eventIndex: number | undefined) => (eventIndex === undefined ? null : first + eventIndex);
      for (const event of c.events) pending.push(bookingRow(random, event, c.id, c.ownerId));
      for (const change of c.milestones) {
        rows.milestones.push({
          customer_id: c.id,
          from_milestone: change.from,
          to_milestone: change.to,
          at: change.at.toISOString(),
          reason: change.reason,
          source: change.byHand ? "ui" : "system",
          actor_id: change.byHand ? c.ownerId : null,
          interaction_id: ref(change.evidenceEvent),
        });
      }
      c.events.forEach((event, index) => {
        if (event.type === "delight_moment" && event.answersEvent !== undefined) {
          const prompt = c.events[event.answersEvent];
          rows.delight.push({
            id: ids.delight++,
            customer_id: c.id,
            interaction_id: ref(index),
            prompt_interaction_id: ref(event.answersEvent),
            prompt: `Answered a ${prompt.type.replace(/_/g, " ")}`,
            gesture: event.summary ?? random.pick(GESTURES),
            channel: "email",
            cost_cents: random.int(0, 15) * 1000,
            occurred_at: event.occurredAt.toISOString(),
            outcome: random.pick(OUTCOMES),
            posted_publicly: random.chance(0.2),
            renewed: random.chance(0.15),
            became_advocate: random.chance(0.05),
            actor_id: c.ownerId,
          });
          delightCount++;
        }
        if (event.type === "community_contribution" || event.type === "referral") {
          const referral = event.type === "referral";
          const kind = referral ? "referred_customer" : random.pick(COMMUNITY_KINDS);
          rows.activities.push({
            id: ids.activity++,
            customer_id: c.id,
            kind,
            occurred_at: event.occurredAt.toISOString(),
            note: referral ? "Referred a colleague" : "",
            referred_customer_id: referral ? (referredBy.get(c.id) ?? null) : null,
            interaction_id: ref(index),
            actor_id: c.ownerId,
          });
        }
      });
      if (c.milestone >= 12) addAdvocacy(random, c, options.now, roleRows, ids, rows);
    }

    await db.transaction(async (tx) => {
      await insertRows(
        tx,
        "customers",
        {
          id: "int",
          name: "text",
          email: "text",
          company: "text",
          plan: "text",
          mrr_cents: "int",
          arr_cents: "bigint",
          next_renewal_on: "date",
          owner_id: "int",
          status: "customer_status",
          milestone: "smallint",
          peak_milestone: "smallint",
          milestone_at: "timestamptz",
          signed_up_at: "timestamptz",
          converted_at: "timestamptz",
          churned_at: "timestamptz",
          churn_reason: "text",
          created_at: "timestamptz",
        },
        generated.map((c) => {
          return {
            id: c.id,
            name: c.name,
            email: c.email,
            company: c.company,
            plan: c.plan,
            ...revenueColumns(c, options),
            owner_id: c.ownerId,
            status: c.churnedAt ? "churned" : "active",
            milestone: c.milestone,
            peak_milestone: c.peakMilestone,
            milestone_at: c.milestoneAt.toISOString(),
            signed_up_at: c.signedUpAt.toISOString(),
            converted_at: c.convertedAt?.toISOString() ?? null,
            churned_at: c.churnedAt?.toISOString() ?? null,
            churn_reason: c.churnReason,
            created_at: c.signedUpAt.toISOString(),
          };
        }),
      );
      await insertRevenue(tx, generated, options);
      // Referrers may sit later in the same batch, so link them once every row exists.
      const links = generated
        .filter((c) => c.referredById !== null)
        .map((c) => ({ id: c.id, referred_by_id: c.referredById }));
      if (links.length > 0) {
        await tx.execute(
          sql`update customers set referred_by_id = x.referred_by_id from json_to_recordset(${JSON.stringify(links)}::json) as x(id int, referred_by_id int) where customers.id = x.id`,
        );
      }
      const interactionIds = await bookPending(tx, pending);
      const resolve = <R extends Record<string, unknown>>(list: R[], ...columns: (keyof R)[]) =>
        list.map((row) => {
          const copy: Record<string, unknown> = { ...row };
          for (const column of columns)
            copy[column as string] = row[column] === null ? null : interactionIds[row[column] as number];
          return copy;
        });
      await insertRows(
        tx,
        "milestone_changes",
        {
          customer_id: "int",
          from_milestone: "smallint",
          to_milestone: "smallint",
          at: "timestamptz",
          reason: "text",
          source: "record_source",
          actor_id: "int",
          interaction_id: "bigint",
        },
        resolve(rows.milestones, "interaction_id"),
      );
      await insertRows(
        tx,
        "delight_moments",
        {
          id: "int",
          customer_id: "int",
          interaction_id: "bigint",
          prompt_interaction_id: "bigint",
          prompt: "text",
          gesture: "text",
          channel: "interaction_channel",
          cost_cents: "int",
          occurred_at: "timestamptz",
          outcome: "text",
          posted_publicly: "boolean",
          renewed: "boolean",
          became_advocate: "boolean",
          actor_id: "int",
        },
        resolve(rows.delight, "interaction_id", "prompt_interaction_id"),
      );
      await insertRows(
        tx,
        "role_assignments",
        {
          id: "int",
          customer_id: "int",
          role_id: "smallint",
          status: "role_assignment_status",
          invited_at: "timestamptz",
          activated_at: "timestamptz",
          retired_at: "timestamptz",
          notes: "text",
          actor_id: "int",
        },
        rows.assignments,
      );
      await insertRows(
        tx,
        "community_activities",
        {
          id: "int",
          customer_id: "int",
          kind: "community_activity_kind",
          occurred_at: "timestamptz",
          note: "text",
          referred_customer_id: "int",
          interaction_id: "bigint",
          actor_id: "int",
        },
        resolve(rows.activities, "interaction_id"),
      );
      await insertRows(
        tx,
        "advocate_asks",
        {
          id: "int",
          customer_id: "int",
          kind: "advocate_ask_kind",
          asked_at: "timestamptz",
          outcome: "advocate_ask_outcome",
          note: "text",
          actor_id: "int",
        },
        rows.asks,
      );
    });
    interactionCount += pending.length;
    log(`  ${batchStart + batchSize} customers, ${interactionCount} interactions`);
  }

  for (const table of [
    "members",
    "customers",
    "subscriptions",
    "revenue_movements",
    "delight_moments",
    "role_assignments",
    "community_activities",
    "advocate_asks",
  ]) {
    await resetIdentity(db, table);
  }
  const tasks = await seedDemoPlaybooks(db);
  log(`  ${tasks} tasks from the demo playbooks`);
  await recordAudit(db, SEED_ACTOR, {
    action: "demo.seeded",
    entityType: "book",
    entityId: "demo",
    after: { customers: options.customers, interactions: interactionCount, seed: options.seed },
  });
  await db.execute(sql`analyze`);
  return {
    members: memberRows.length,
    customers: options.customers,
    interactions: interactionCount,
    delightMoments: delightCount,
    heavyCustomerId,
    seconds: (Date.now() - started) / 1000,
  };
}

/** A story event as the booking engine takes it: logged by the customer's owner, or arrived through the API. */
function bookingRow(
  random: Random,
  event: DemoCustomer["events"][number],
  customerId: number,
  ownerId: number | null,
): BookingRow {
  return {
    customerId,
    typeKey: event.type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    weight: null,
    channel: (CHANNEL[event.type] ?? "other") as Channel,
    direction: event.direction,
    summary: event.summary ?? (SUMMARY[event.type] ? random.pick(SUMMARY[event.type]) : ""),
    actorId: event.byOwner ? ownerId : null,
    source: event.byOwner ? "ui" : "api",
  };
}

const subscriptionOf = (c: SeededCustomer, options: SeedOptions) =>
  revenueStory(demoRandom(options.seed ^ REVENUE_STREAM, c.id), c, options.now);

/** A customer's ARR, MRR and next renewal as their subscription leaves them today. */
function revenueColumns(c: SeededCustomer, options: SeedOptions) {
  const subscription = subscriptionOf(c, options);
  const arr = subscription ? demoMovements(subscription).reduce((sum, m) => sum + m.deltaCents, 0) : 0;
  return { mrr_cents: monthlyCents(arr), arr_cents: arr, next_renewal_on: subscription?.renewsOn ?? null };
}

/** Each paying customer's subscription (ids are the customers'), and its movements classified as the ledger would. */
async function insertRevenue(tx: Queryable, generated: SeededCustomer[], options: SeedOptions) {
  const subscriptions = generated.flatMap((c) => {
    const subscription = subscriptionOf(c, options);
    return subscription ? [{ c, subscription }] : [];
  });
  await insertRows(
    tx,
    "subscriptions",
    {
      id: "int",
      customer_id: "int",
      plan: "text",
      amount_cents: "bigint",
      currency: "text",
      interval: "subscription_interval",
      started_at: "timestamptz",
      renews_on: "date",
      status: "subscription_status",
      ended_at: "timestamptz",
      changed_at: "timestamptz",
    },
    subscriptions.map(({ c, subscription: s }) => ({
      id: c.id,
      customer_id: c.id,
      plan: c.plan,
      amount_cents: s.prices[s.prices.length - 1].amountCents,
      currency: BOOK_CURRENCY,
      interval: s.interval,
      started_at: s.startedAt.toISOString(),
      renews_on: s.renewsOn,
      status: s.endedAt ? "canceled" : "active",
      ended_at: s.endedAt?.toISOString() ?? null,
      changed_at: (s.endedAt ?? s.prices[s.prices.length - 1].at).toISOString(),
    })),
  );
  const movements = classifyMovements(
    subscriptions.flatMap(({ c, subscription }) =>
      demoMovements(subscription).map((m) => ({ customerId: c.id, at: m.at.getTime(), deltaCents: m.deltaCents })),
    ),
  );
  await insertRows(
    tx,
    "revenue_movements",
    {
      customer_id: "int",
      subscription_id: "int",
      kind: "revenue_movement_kind",
      occurred_at: "timestamptz",
      arr_delta_cents: "bigint",
      arr_after_cents: "bigint",
    },
    movements.map((m) => ({
      customer_id: m.customerId,
      subscription_id: m.customerId,
      kind: m.kind,
      occurred_at: new Date(m.at).toISOString(),
      arr_delta_cents: m.deltaCents,
      arr_after_cents: m.arrAfterCents,
    })),
  );
}

/**
 * Books a batch's interactions through the booking engine — as the customer's CSM logged them in
 * the UI, or as they arrived through the API — and returns their ids by position. Chunks end at a
 * customer's last row, so each customer row is updated once a batch. The seed writes the milestone
 * history itself (from the story, regressions included), so the engine moves no milestones.
 */
async function bookPending(tx: Queryable, pending: BookingRow[]): Promise<number[]> {
  const ids = new Array<number>(pending.length);
  for (let start = 0; start < pending.length;) {
    let end = Math.min(start + BOOKING_CHUNK, pending.length);
    while (end < pending.length && pending[end].customerId === pending[end - 1].customerId) end++;
    const booked = await bookInteractions(tx, pending.slice(start, end), {
      actor: SEED_ACTOR,
      source: "api",
      audit: "by the caller",
      advanceMilestones: false,
      firePlaybooks: false,
    });
    for (const row of booked) ids[start + row.index] = row.id as number;
    start = end;
  }
  return ids;
}

const HEAVY_MIX = [
  "login",
  "login",
  "login",
  "login",
  "login",
  "feature_adopted",
  "support_ticket",
  "bug_report",
  "outbound_email",
  "praise",
  "issue_resolved_fast",
  "call",
];

/** Promoters' referrals bring in customers who sign up within 60 days after them: whom each promoter referred. */
function linkReferrals(generated: SeededCustomer[]): Map<number, number> {
  const referredBy = new Map<number, number>();
  const bySignup = [...generated].sort((a, b) => a.signedUpAt.getTime() - b.signedUpAt.getTime());
  for (const promoter of generated) {
    const referral = promoter.events.find((e) => e.type === "referral");
    if (!referral) continue;
    const referred = bySignup.find(
      (c) =>
        c.id !== promoter.id &&
        c.referredById === null &&
        c.signedUpAt >= referral.occurredAt &&
        c.signedUpAt.getTime() - referral.occurredAt.getTime() < 60 * DAY,
    );
    if (referred) {
      referred.referredById = promoter.id;
      referredBy.set(promoter.id, referred.id);
    }
  }
  return referredBy;
}

/** `count` interactions over the last year in the heavy timeline's mix, as its CSM and the product log them. */
function heavyEvents(random: Random, count: number, now: Date): DemoCustomer["events"] {
  return Array.from({ length: count }, () => {
    const type = random.pick(HEAVY_MIX);
    const outbound = type === "outbound_email" || type === "call";
    const at = new Date(now.getTime() - random.between(0.01, 365) * DAY);
    return { type, occurredAt: at, recordedAt: at, direction: outbound ? "outbound" : "inbound", byOwner: outbound };
  });
}

/**
 * The heaviest timeline of a book at scale: one long-standing active customer gets `count` more
 * interactions over the last year, appended so the story's event indexes stay valid.
 */
function addHeavyCustomer(random: Random, generated: SeededCustomer[], count: number, now: Date): number | null {
  const heavy = generated.find(
    (c) => c.convertedAt && !c.churnedAt && c.convertedAt.getTime() < now.getTime() - 365 * DAY,
  );
  if (!heavy) return null;
  heavy.events.push(...heavyEvents(random, count, now));
  return heavy.id;
}

/**
 * The heavy timeline added to a book that is already there (the bench's copied books, where the
 * copies must not each carry one): the lowest-numbered customer active and paying for over a year
 * gets `count` interactions, booked through the engine. Its id, or null when no customer qualifies.
 */
export async function addHeavyTimeline({ count, seed, now }: { count: number; seed: number; now: Date }) {
  const [customer] = await db
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(
      sql`${customers.status} = 'active' and ${customers.convertedAt} < ${new Date(now.getTime() - 365 * DAY).toISOString()}::timestamptz`,
    )
    .orderBy(customers.id)
    .limit(1);
  if (!customer) return null;
  const random = createRandom(seed);
  const rows = heavyEvents(random, count, now).map((event) => bookingRow(random, event, customer.id, customer.ownerId));
  await db.transaction((tx) => bookPending(tx, rows));
  await db.execute(sql`analyze interactions`);
  return customer.id;
}

/** Advocates hold roles and get asked for favours; their community activity comes from the story. */
function addAdvocacy(
  random: Random,
  c: SeededCustomer,
  now: Date,
  roles: { id: number; key: string }[],
  ids: { assignment: number; ask: number },
  rows: Rows,
): void {
  const since = c.milestoneAt;
  const isPromoter = c.milestone === 13 && !c.churnedAt;
  const status = isPromoter ? "active" : random.chance(0.4) ? "invited" : random.chance(0.3) ? "retired" : null;
  if (!status) return;
  const role = random.pick(roles);
  const invitedAt = new Date(since.getTime() + random.between(0, 5) * DAY);
  if (invitedAt > now) return;
  const activatedAt =
    status === "invited" ? null : new Date(Math.min(now.getTime(), invitedAt.getTime() + random.between(1, 10) * DAY));
  const retiredAt =
    status === "retired" && activatedAt
      ? new Date(Math.min(now.getTime(), activatedAt.getTime() + random.between(20, 90) * DAY))
      : null;
  rows.assignments.push({
    id: ids.assignment++,
    customer_id: c.id,
    role_id: role.id,
    status,
    invited_at: invitedAt.toISOString(),
    activated_at: activatedAt?.toISOString() ?? null,
    retired_at: retiredAt?.toISOString() ?? null,
    notes: "",
    actor_id: c.ownerId,
  });
  if (!activatedAt) return;
  const until = retiredAt ?? c.churnedAt ?? now;
  for (let i = random.int(0, 3); i > 0; i--) {
    const askedAt = new Date(random.between(activatedAt.getTime(), until.getTime()));
    rows.asks.push({
      id: ids.ask++,
      customer_id: c.id,
      kind: random.pick(ASK_KINDS),
      asked_at: askedAt.toISOString(),
      outcome: random.pick(["accepted", "declined", "done", "pending"]),
      note: "",
      actor_id: c.ownerId,
    });
  }
}

/** `npm run demo` on every start: seeds an empty database once, and never over saved work. */
export async function seedDemoIfEmpty(options: SeedOptions): Promise<SeedSummary | null> {
  if (await databaseHasData()) return null;
  return seedDemo(options);
}
