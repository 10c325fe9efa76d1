import { sql } from "drizzle-orm";
import { db, type Queryable } from "@/db";
import { insertRows, resetIdentity } from "@/db/bulk-insert";
import { advocateRoles, customers, members } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Channel } from "@/lib/channels";
import { DAY_MS as DAY } from "@/lib/dates";
import { type Actor, recordAudit } from "@/server/audit/record";
import { type BookingRow, bookInteractions } from "@/server/ledger/booking";
import { DEMO_MEMBERS, DEMO_PASSWORD } from "@/lib/demo/members";
import { type GeneratedCustomer, generateCustomer } from "@/lib/demo/journey-generator";
import { createRandom, type Random } from "@/lib/demo/random";

const BATCH = 2_000;
// Rows per call of the booking engine: one JSON parameter each.
const BOOKING_CHUNK = 20_000;
const SEED_ACTOR: Actor = { id: null, label: "demo seed" };

export type SeedOptions = {
  customers: number;
  seed: number;
  now: Date;
  /** Total interactions to reach: the book's own life plus extra logins spread over active customers. */
  interactions?: number;
  /** Gives one long-standing customer this many extra interactions (the heaviest timeline). */
  heavyCustomerInteractions?: number;
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
const QUEUE_KINDS = new Set([
  "complaint",
  "bug_report",
  "error_hit",
  "support_ticket",
  "social_mention",
  "slow_response",
]);
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

/**
 * Seeds a deterministic demo book into an empty database: the same seed and reference date
 * always give the same data. Inserts in batches, each in one transaction.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  if (await databaseHasData()) {
    throw new Error("The database already has members or customers; the demo seed only fills an empty database.");
  }
  const random = createRandom(options.seed);

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

  const ids = { customer: 1, delight: 1, assignment: 1, activity: 1, ask: 1 };
  let interactionCount = 0;
  let delightCount = 0;
  let heavyCustomerId: number | null = null;

  for (let batchStart = 0; batchStart < options.customers; batchStart += BATCH) {
    const batchSize = Math.min(BATCH, options.customers - batchStart);
    const generated: (GeneratedCustomer & { id: number; ownerId: number; referredById: number | null })[] = [];
    for (let i = 0; i < batchSize; i++) {
      const customer = generateCustomer(random, batchStart + i + 1, options.now);
      generated.push({ ...customer, id: ids.customer++, ownerId: ownerOf(random), referredById: null });
    }

    // Interactions are booked through the engine after the customers exist; until then the other
    // rows refer to them by their position in `pending`, resolved to ids once booked.
    const pending: { row: BookingRow; byOwner: boolean }[] = [];
    const rows = {
      milestones: [] as Record<string, unknown>[],
      delight: [] as Record<string, unknown>[],
      assignments: [] as Record<string, unknown>[],
      activities: [] as Record<string, unknown>[],
      asks: [] as Record<string, unknown>[],
    };
    const book = (
      customerId: number,
      ownerId: number,
      type: string,
      at: Date,
      direction: "inbound" | "outbound",
      byOwner: boolean,
      summary?: string,
    ) => {
      pending.push({
        byOwner,
        row: {
          customerId,
          typeKey: type,
          occurredAt: at,
          weight: null,
          channel: (CHANNEL[type] ?? "other") as Channel,
          direction,
          summary: summary ?? (SUMMARY[type] ? random.pick(SUMMARY[type]) : ""),
          actorId: byOwner ? ownerId : null,
        },
      });
      return pending.length - 1;
    };

    // Referrals: a promoter's referral brings in a customer who signs up shortly after it.
    const bySignup = [...generated].sort((a, b) => a.signedUpAt.getTime() - b.signedUpAt.getTime());
    const referredOf = new Map<number, number>();
    for (const promoter of generated) {
      const referral = promoter.events.find((e) => e.milestone === 13);
      if (!referral) continue;
      const referred = bySignup.find(
        (c) =>
          c.id !== promoter.id &&
          c.referredById === null &&
          c.signedUpAt >= referral.at &&
          c.signedUpAt.getTime() - referral.at.getTime() < 60 * DAY,
      );
      if (referred) {
        referred.referredById = promoter.id;
        referredOf.set(promoter.id, referred.id);
      }
    }

    addUsageToReach(random, generated, {
      interactions: options.interactions
        ? Math.round((options.interactions * (batchStart + batchSize)) / options.customers) - interactionCount
        : 0,
      heavy: batchStart === 0 ? (options.heavyCustomerInteractions ?? 0) : 0,
      now: options.now,
      onHeavy: (id) => (heavyCustomerId = id),
    });

    for (const c of generated) {
      let previous: number | null = null;
      for (const event of c.events) {
        const interactionId = book(c.id, c.ownerId, event.type, event.at, event.direction, event.byOwner);
        if (event.milestone !== undefined) {
          rows.milestones.push({
            customer_id: c.id,
            from_milestone: previous,
            to_milestone: event.milestone,
            at: event.at.toISOString(),
            reason: previous === null ? "First touch" : "Reached through an interaction",
            source: "system",
            interaction_id: interactionId,
          });
          previous = event.milestone;
        }
        if (event.type === "referral") {
          rows.activities.push({
            id: ids.activity++,
            customer_id: c.id,
            kind: "referred_customer",
            occurred_at: event.at.toISOString(),
            note: "Referred a colleague",
            referred_customer_id: referredOf.get(c.id) ?? null,
            interaction_id: interactionId,
            actor_id: c.ownerId,
          });
        }
        // Debits answered by a gesture: most older ones, fewer of the last two weeks (the delight queue).
        if (QUEUE_KINDS.has(event.type) && event.type !== "support_ticket") {
          const recent = options.now.getTime() - event.at.getTime() < 14 * DAY;
          const delightAt = new Date(event.at.getTime() + random.between(0.2, 4) * DAY);
          if (delightAt < (c.churnedAt ?? options.now) && random.chance(recent ? 0.2 : 0.45)) {
            const delightInteraction = book(
              c.id,
              c.ownerId,
              "delight_moment",
              delightAt,
              "outbound",
              true,
              "Delight moment",
            );
            rows.delight.push({
              id: ids.delight++,
              customer_id: c.id,
              interaction_id: delightInteraction,
              prompt_interaction_id: interactionId,
              prompt: `Answered a ${event.type.replace("_", " ")}`,
              gesture: random.pick(GESTURES),
              channel: "email",
              cost_cents: random.int(0, 15) * 1000,
              occurred_at: delightAt.toISOString(),
              outcome: random.pick(OUTCOMES),
              posted_publicly: random.chance(0.2),
              renewed: random.chance(0.15),
              became_advocate: random.chance(0.05),
              actor_id: c.ownerId,
            });
            delightCount++;
          }
        }
      }
      if (c.milestone >= 12) addAdvocacy(random, c, options.now, roleRows, ids, rows, book);
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
            mrr_cents: c.mrrCents,
            owner_id: c.ownerId,
            status: c.churnedAt ? "churned" : "active",
            milestone: c.milestone,
            peak_milestone: c.milestone,
            milestone_at: c.milestoneAt.toISOString(),
            signed_up_at: c.signedUpAt.toISOString(),
            converted_at: c.convertedAt?.toISOString() ?? null,
            churned_at: c.churnedAt?.toISOString() ?? null,
            churn_reason: c.churnReason,
            created_at: c.signedUpAt.toISOString(),
          };
        }),
      );
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
    "delight_moments",
    "role_assignments",
    "community_activities",
    "advocate_asks",
  ]) {
    await resetIdentity(db, table);
  }
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

/**
 * Books a batch's interactions through the booking engine — as the customer's CSM logged them
 * in the UI, or as they arrived through the API — and returns their ids by position. The seed
 * writes the milestone history itself (from the generator), so the engine moves no milestones.
 */
async function bookPending(tx: Queryable, pending: { row: BookingRow; byOwner: boolean }[]): Promise<number[]> {
  const ids = new Array<number>(pending.length);
  for (const byOwner of [true, false]) {
    const positions = pending.flatMap((entry, index) => (entry.byOwner === byOwner ? [index] : []));
    for (let start = 0; start < positions.length; start += BOOKING_CHUNK) {
      const chunk = positions.slice(start, start + BOOKING_CHUNK);
      const booked = await bookInteractions(
        tx,
        chunk.map((index) => pending[index].row),
        { actor: SEED_ACTOR, source: byOwner ? "ui" : "api", audit: "by the caller", advanceMilestones: false },
      );
      for (const row of booked) ids[chunk[row.index]] = row.id as number;
    }
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

/**
 * For a book at scale: extra logins dated between a customer's conversion and their newest
 * inbound event (so silence and milestones stay as generated), and one heavy customer with
 * a year of dense activity. Deterministic for a seed like the rest of the book.
 */
function addUsageToReach(
  random: Random,
  generated: (GeneratedCustomer & { id: number })[],
  target: { interactions: number; heavy: number; now: Date; onHeavy: (id: number) => void },
): void {
  const active = generated.filter(
    (c) =>
      c.convertedAt &&
      !c.churnedAt &&
      c.events.some((e) => e.direction === "inbound" && e.at > (c.convertedAt as Date)),
  );
  if (active.length === 0) return;
  if (target.heavy > 0) {
    const heavy = active[0];
    target.onHeavy(heavy.id);
    for (let i = 0; i < target.heavy; i++) {
      const type = random.pick(HEAVY_MIX);
      const outbound = type === "outbound_email" || type === "call";
      heavy.events.push({
        type,
        at: new Date(target.now.getTime() - random.between(0.01, 365) * DAY),
        direction: outbound ? "outbound" : "inbound",
        byOwner: outbound,
      });
    }
  }
  // Delight moments add a few more when booked; the next batch's target makes up for it.
  const natural = generated.reduce((sum, c) => sum + c.events.length, 0);
  for (let extra = target.interactions - natural; extra > 0; extra--) {
    const c = random.pick(active);
    const from = (c.convertedAt as Date).getTime();
    const lastInbound = c.events.reduce(
      (latest, e) => (e.direction === "inbound" && e.at.getTime() > latest ? e.at.getTime() : latest),
      from,
    );
    c.events.push({
      type: "login",
      at: new Date(random.between(from, lastInbound)),
      direction: "inbound",
      byOwner: false,
    });
  }
}

type Rows = {
  assignments: Record<string, unknown>[];
  activities: Record<string, unknown>[];
  asks: Record<string, unknown>[];
};
type Book = (
  customerId: number,
  ownerId: number,
  type: string,
  at: Date,
  direction: "inbound" | "outbound",
  byOwner: boolean,
  summary?: string,
) => number;

/** Advocates hold roles, do things in the community and get asked for favours. */
function addAdvocacy(
  random: Random,
  c: GeneratedCustomer & { id: number; ownerId: number },
  now: Date,
  roles: { id: number; key: string }[],
  ids: { assignment: number; activity: number; ask: number },
  rows: Rows,
  book: Book,
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
  for (
    let t = activatedAt.getTime() + random.between(5, 30) * DAY;
    t < until.getTime();
    t += random.between(10, 45) * DAY
  ) {
    const at = new Date(t);
    const kind = random.pick(COMMUNITY_KINDS);
    const interactionId = book(c.id, c.ownerId, "community_contribution", at, "inbound", false, kind.replace("_", " "));
    rows.activities.push({
      id: ids.activity++,
      customer_id: c.id,
      kind,
      occurred_at: at.toISOString(),
      note: "",
      referred_customer_id: null,
      interaction_id: interactionId,
      actor_id: c.ownerId,
    });
  }
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
