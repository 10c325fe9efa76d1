import { COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES } from "@/lib/demo/names";
import type { Random } from "@/lib/demo/random";

/**
 * The demo book's generative story (docs/demo-data.md). Pure: the same (random stream, index,
 * now) always gives the same customer. Hidden causes (segment, latent health) drive both what a
 * customer does and whether they churn; the risk score only ever sees the resulting events.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** The post-sale story moves in steps of two weeks; rates are per week and scaled by the step. */
const STEP = 2 * WEEK;

export type Plan = "starter" | "growth" | "enterprise";
export type SegmentKey = "steady" | "growing" | "price_sensitive" | "struggling";

export type DemoEvent = {
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  direction: "inbound" | "outbound";
  byOwner: boolean;
  summary?: string;
  answersEvent?: number;
};

export type DemoMilestoneChange = {
  from: number | null;
  to: number;
  at: Date;
  reason: string;
  byHand: boolean;
  /** Index (in the customer's events) of the interaction that proved or caused the change. */
  evidenceEvent?: number;
};

/** Hidden: what happened to a customer, for docs, tests and the filler; never written to the database. */
export type DemoEpisode = {
  kind: "decline" | "sudden" | "incident" | "quiet" | "billing";
  from: Date;
  to: Date;
  /** Decline only: from here on the customer does nothing inbound. */
  silentFrom?: Date;
  outcome?: "churned" | "rescued" | "ongoing";
};

export type DemoCustomer = {
  name: string;
  email: string;
  company: string;
  plan: Plan;
  mrrCents: number;
  segment: SegmentKey;
  signedUpAt: Date;
  milestones: DemoMilestoneChange[];
  milestone: number;
  peakMilestone: number;
  milestoneAt: Date;
  convertedAt: Date | null;
  churnedAt: Date | null;
  churnReason: string | null;
  /** Hidden: "warned" churned after a visible decline, "sudden" without warning, "cold" as a lead. */
  churnKind: "warned" | "sudden" | "cold" | null;
  episodes: DemoEpisode[];
  events: DemoEvent[];
};

// ---------------------------------------------------------------------------------------------
// Parameters (documented in docs/demo-data.md)

type Segment = {
  key: SegmentKey;
  /** Typical latent health; behaviour and churn both follow health. */
  health: number;
  /** Monthly hazard of a churn decision at the segment's typical health. */
  monthlyChurn: number;
  /** Share of churn decisions that come with no warning (budget cut, acquisition). */
  suddenShare: number;
  /** Multiplies the time between post-sale milestones (upgrade gets its own). */
  pace: number;
  upgradePace: number;
  billingRate: number;
  downgradePerYear: number;
  /** Share of customers who would ever give a review (advocate); half of those go on to refer (promoter). */
  advocates: number;
};

export const SEGMENTS: Record<SegmentKey, Segment> = {
  steady: {
    key: "steady",
    health: 0.3,
    monthlyChurn: 0.0045,
    suddenShare: 0.15,
    pace: 1,
    upgradePace: 1,
    billingRate: 1,
    downgradePerYear: 0.03,
    advocates: 0.45,
  },
  growing: {
    key: "growing",
    health: 0.8,
    monthlyChurn: 0.0025,
    suddenShare: 0.2,
    pace: 0.7,
    upgradePace: 0.6,
    billingRate: 0.7,
    downgradePerYear: 0.01,
    advocates: 0.7,
  },
  price_sensitive: {
    key: "price_sensitive",
    health: 0.1,
    monthlyChurn: 0.009,
    suddenShare: 0.25,
    pace: 1.2,
    upgradePace: 1.5,
    billingRate: 3,
    downgradePerYear: 0.15,
    advocates: 0.25,
  },
  struggling: {
    key: "struggling",
    health: -0.5,
    monthlyChurn: 0.016,
    suddenShare: 0.08,
    pace: 1.3,
    upgradePace: 1.6,
    billingRate: 1.2,
    downgradePerYear: 0.05,
    advocates: 0.15,
  },
};

/** Segment shares per plan: small accounts are more often price-sensitive or struggling. */
const SEGMENT_SHARES: Record<Plan, [SegmentKey, number][]> = {
  starter: [
    ["steady", 0.35],
    ["growing", 0.15],
    ["price_sensitive", 0.25],
    ["struggling", 0.25],
  ],
  growth: [
    ["steady", 0.42],
    ["growing", 0.22],
    ["price_sensitive", 0.18],
    ["struggling", 0.18],
  ],
  enterprise: [
    ["steady", 0.5],
    ["growing", 0.3],
    ["price_sensitive", 0.1],
    ["struggling", 0.1],
  ],
};

const PLANS: { plan: Plan; share: number; mrr: [number, number]; usage: number }[] = [
  { plan: "starter", share: 0.5, mrr: [49, 199], usage: 0.9 },
  { plan: "growth", share: 0.35, mrr: [300, 1500], usage: 1 },
  { plan: "enterprise", share: 0.15, mrr: [2000, 12000], usage: 1.2 },
];

/** Sign-ups (first touches) spread evenly over this many days before now. */
const HISTORY_DAYS = 730;

/** Latent health: a weekly mean-reverting walk with rare regime shifts. */
const HEALTH = { reversion: 0.05, weeklySd: 0.22, startSd: 0.65, shiftPerWeek: 1 / 150, shiftSd: 0.5 };
/** Churn decisions: hazard × e^(−κ·(health − segment health)); the first months are riskier. */
const CHURN = { kappa: 3, earlyDays: 120, earlyFactor: 1.5 };
/** A warned churner's decline: its length, when inbound activity stops, how loud it is. */
const DECLINE = {
  minDays: 30,
  maxDays: 120,
  healthDrop: 1.5,
  debitSurge: 8,
  loudShare: 0.3,
  /** When inbound activity stops, as a share of the decline: quiet ones fade early, loud ones keep using. */
  quietSilentFrom: [0.1, 0.35] as const,
  loudSilentFrom: [0.8, 0.95] as const,
};
/** Cancellation requests: only some churners send one, a few days before they leave. */
const CANCELLATION = { warned: 0.4, sudden: 0.3, daysBefore: [1, 7] as const };
/** Bad spells of otherwise healthy customers: how often, and which. */
const SPELLS = { perWeek: 1 / 40, incident: 0.4, quiet: 0.4, quietWeeks: [2, 6] as const };

/** Pre-sale: chance of moving from milestone m to m + 1 (index m) and median days it takes. */
const LEAD_ADVANCE = [0, 0.9, 0.88, 0.88, 0.85, 0.82, 0.8];
const LEAD_GAP_DAYS = [0, 4, 6, 7, 8, 12, 10];
/** Chance of one more touch (a read, a click) between two pre-sale steps. */
const LEAD_TOUCH = 0.6;
/** Post-sale: median days to reach milestone m (index m) from the one before. */
const GAP_DAYS = [0, 0, 0, 0, 0, 0, 0, 0, 5, 14, 21, 60, 90, 120];
const CHAMPION_LEAVES_PER_YEAR = 0.1;
const PROMOTERS = 0.5;
/** Community contributions per week of an active promoter. */
const CONTRIBUTIONS_PER_WEEK = 0.12;
/** Upgrades, reviews and referrals wait while health is this far below the customer's usual. */
const ADVANCE_GATE = 0.8;

const EVIDENCE: Record<number, readonly string[]> = {
  1: ["content_view", "ad_click"],
  2: ["social_engagement"],
  3: ["guide_read"],
  4: ["signup"],
  5: ["trial_started", "demo"],
  6: ["proposal"],
  7: ["purchase"],
  8: ["onboarding_session"],
  9: ["onboarding_completed"],
  10: ["renewal"],
  11: ["upgrade"],
  12: ["review"],
  13: ["referral"],
};
const BY_OWNER_TYPES = new Set([
  "demo",
  "proposal",
  "onboarding_session",
  "note",
  "call",
  "meeting",
  "outbound_email",
  "delight_moment",
  "ignored_outreach",
]);
/** Product events from the API feed: the ones that sometimes arrive days late. */
const PRODUCT_FEED = new Set(["login", "error_hit", "feature_adopted"]);
const LATE = { share: 0.07, minDays: 1, maxDays: 10, backdatedByOwner: 0.15 };

/**
 * Debits: monthly rates at health 0, before multipliers; groups say what lifts them (a billing-heavy
 * segment or a billing spell, an incident, a loud decline).
 */
const PLAIN = 0;
const BILLING = 1;
const PRODUCT = 2;
const VOICE = 3;
const DEBITS: [type: string, monthly: number, group: number][] = [
  ["support_ticket", 0.3, PLAIN],
  ["bug_report", 0.12, PRODUCT],
  ["error_hit", 0.1, PRODUCT],
  ["complaint", 0.03, VOICE],
  ["social_mention", 0.01, VOICE],
  ["billing_problem", 0.02, BILLING],
  ["outage", 0.015, PRODUCT],
];
/** Credits other than milestones, delight and community: their mix, CREDITS_PER_MONTH in all at health 0. */
const CREDIT_MIX: [type: string, weight: number][] = [
  ["feature_adopted", 0.25],
  ["praise", 0.08],
  ["goal_reached", 0.05],
];
const DEBIT_HEALTH = 1.3;
const CREDIT_HEALTH = 0.2;
const LOGINS_PER_WEEK = 1;
const LOGIN_HEALTH = 0.2;
const USAGE_SD = 0.2;
const LOGIN_GAP_FLOOR = 0.6;
const CREDITS_PER_MONTH = 0.2;
const CSM_TOUCHES_PER_MONTH = 0.7;
const NPS_PER_WEEK = 1 / 13;

/** Chance a debit is answered with a delight moment, and what an answer does to health. */
const DELIGHT: Record<string, { answer: number; lift: number; rescue: number }> = {
  complaint: { answer: 0.5, lift: 0.25, rescue: 0.2 },
  social_mention: { answer: 0.55, lift: 0.2, rescue: 0.15 },
  billing_problem: { answer: 0.4, lift: 0.2, rescue: 0.15 },
  nps_detractor: { answer: 0.3, lift: 0.2, rescue: 0.12 },
  outage: { answer: 0.3, lift: 0.12, rescue: 0.08 },
  bug_report: { answer: 0.35, lift: 0.1, rescue: 0.08 },
  slow_response: { answer: 0.35, lift: 0.1, rescue: 0.08 },
  error_hit: { answer: 0.15, lift: 0.05, rescue: 0.04 },
  support_ticket: { answer: 0.1, lift: 0.05, rescue: 0.04 },
};
const RECENT_ANSWER_FACTOR = 0.35;
/** The team chases some silences: it sees the silence, not its cause, so every kind is chased alike. */
const CHASE = { share: 0.6, afterDays: [10, 20] as const };

const COLD_REASON = "Went cold before buying";
const WARNED_REASONS: Record<SegmentKey, readonly string[]> = {
  steady: ["Moved to a competitor", "Missing features", "Poor support experience"],
  growing: ["Outgrew the product", "Moved to a competitor"],
  price_sensitive: ["Too expensive", "Moved to a cheaper competitor"],
  struggling: ["Poor support experience", "Never got value from it", "Missing features"],
};
const SUDDEN_REASONS = ["Budget cut", "Acquired by another company", "Project ended", "Company closed"];
const GESTURES = [
  "Handwritten note and a fix shipped the same day",
  "Sent a care package",
  "Founder called personally",
  "Extended the plan by a month for free",
  "Recorded a personal video walkthrough",
];
const COMMUNITY_KINDS = ["moderated", "answered questions", "gave a talk", "wrote a post", "product feedback"];

// ---------------------------------------------------------------------------------------------

/**
 * The rows of the customer being told, column by column. One set of buffers serves every customer in
 * turn (generation is synchronous), so a row costs no allocation until it becomes a DemoEvent.
 */
class Rows {
  length = 0;
  t = new Float64Array(1024);
  r = new Float64Array(1024);
  answers = new Int32Array(1024);
  byOwner = new Uint8Array(1024);
  readonly types: string[] = [];
  readonly summaries: (string | undefined)[] = [];

  add(t: number, r: number, type: string, byOwner: boolean, summary: string | undefined, answers: number): number {
    if (this.length === this.t.length) this.grow();
    const i = this.length++;
    this.t[i] = t;
    this.r[i] = r;
    this.answers[i] = answers;
    this.byOwner[i] = byOwner ? 1 : 0;
    this.types[i] = type;
    this.summaries[i] = summary;
    return i;
  }

  private grow(): void {
    const size = this.t.length * 2;
    const t = new Float64Array(size);
    t.set(this.t);
    const r = new Float64Array(size);
    r.set(this.r);
    const answers = new Int32Array(size);
    answers.set(this.answers);
    const byOwner = new Uint8Array(size);
    byOwner.set(this.byOwner);
    Object.assign(this, { t, r, answers, byOwner });
  }
}
const ROWS = new Rows();
const SORT_KEYS = new Float64Array(4096);
const ORDER = new Int32Array(4096);
let POSITION = new Int32Array(1024);

type RawChange = { from: number | null; to: number; t: number; reason: string; byHand: boolean; evidence: number };

function normal(random: Random): number {
  // Sum of three uniforms: close enough to a normal for a walk, and bounded at ±3.
  return (random.next() + random.next() + random.next() - 1.5) * 2;
}

function logNormal(random: Random, median: number, sd: number): number {
  return median * Math.exp(sd * normal(random));
}

function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  const u = random.next();
  let p = Math.exp(-mean);
  let sum = p;
  let k = 0;
  while (u > sum && k < 60) {
    k += 1;
    p *= mean / k;
    sum += p;
  }
  return k;
}

function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const item of items) total += item[1];
  let roll = random.next() * total;
  for (const item of items) {
    roll -= item[1];
    if (roll < 0) return item[0];
  }
  return items[items.length - 1][0];
}

const SLUGS = new Map<string, string>();
/** ASCII for addresses ("Müller" → "muller"); names repeat, so each is worked out once. */
function slug(text: string): string {
  let ascii = SLUGS.get(text);
  if (ascii === undefined) {
    ascii = text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "");
    SLUGS.set(text, ascii);
  }
  return ascii;
}

/**
 * When a row reached Hourglass: API rows as they happen (same instant), some product-feed rows days
 * late; CSM rows within minutes, some logged the next day with yesterday's date.
 */
function recordedAt(random: Random, t: number, type: string, byOwner: boolean, prompt: boolean): number {
  if (prompt) return t;
  if (byOwner) {
    return t + (random.chance(LATE.backdatedByOwner) ? random.between(12, 36) * HOUR : random.between(0, 10) * MINUTE);
  }
  if (PRODUCT_FEED.has(type) && random.chance(LATE.share)) return t + random.between(LATE.minDays, LATE.maxDays) * DAY;
  return t;
}

/** One customer's rows and milestone changes while the story is told, in story order. */
class Journey {
  readonly rows = ROWS;
  readonly changes: RawChange[] = [];
  readonly episodes: DemoEpisode[] = [];
  milestone = 0;
  lastChange = -Infinity;

  constructor(readonly random: Random) {
    ROWS.length = 0;
  }

  push(t: number, type: string, summary?: string, answers = -1, prompt = false): number {
    const byOwner = BY_OWNER_TYPES.has(type);
    // Whole milliseconds, as a Date holds them: the time order is then exactly the stored order.
    const at = Math.floor(t);
    const r = Math.floor(recordedAt(this.random, at, type, byOwner, prompt));
    return this.rows.add(at, r, type, byOwner, summary, answers);
  }

  /** A login from the product feed: the commonest row, so it skips the type lookups. */
  login(t: number): void {
    const at = Math.floor(t);
    const late = this.random.chance(LATE.share);
    const r = late ? Math.floor(at + this.random.between(LATE.minDays, LATE.maxDays) * DAY) : at;
    this.rows.add(at, r, "login", false, undefined, -1);
  }

  move(t: number, to: number, reason: string, byHand: boolean, evidence: number): void {
    this.changes.push({ from: this.milestone === 0 ? null : this.milestone, to, t, reason, byHand, evidence });
    this.milestone = to;
    this.lastChange = t;
  }

  /** A forward step, proved by its evidence: booked as it happens, so no change is without its interaction. */
  reach(t: number, to: number, reason: string): void {
    this.move(t, to, reason, false, this.push(t, this.random.pick(EVIDENCE[to]), undefined, -1, true));
  }

  /** A touch never proves more than the lead has reached: its type follows the current milestone. */
  touch(t: number): void {
    const m = this.milestone;
    this.push(t, this.random.pick(m >= 3 ? LEAD_TOUCHES[2] : m >= 2 ? LEAD_TOUCHES[1] : LEAD_TOUCHES[0]));
  }
}

const LEAD_TOUCHES = [
  ["content_view", "ad_click"],
  ["content_view", "social_engagement"],
  ["content_view", "social_engagement", "guide_read"],
];

/**
 * createRandom's mulberry32 as a class: the same numbers for the same seed (a test holds them to each
 * other), without five new closures per customer, which cost a third of a second per 100,000 under tsx.
 */
class CustomerRandom implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  int(min: number, max: number): number {
    return Math.floor(min + this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** The seed of customer `index`'s own stream in a book seeded with `seed` (a 32-bit mix of both). */
export function demoSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A customer's own random stream, from the book's seed and the customer's index: with it the same
 * (seed, index, now) gives the same customer whatever is generated before it, in any batch size.
 * It draws exactly what createRandom(demoSeed(seed, index)) would.
 */
export function demoRandom(seed: number, index: number): Random {
  return new CustomerRandom(demoSeed(seed, index));
}

/** One customer's journey from first touch to now (or churn), as dated events and milestone changes. */
export function generateDemoCustomer(random: Random, index: number, now: Date): DemoCustomer {
  const nowMs = now.getTime();
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const word = random.pick(COMPANY_WORDS);
  const company = `${word} ${random.pick(COMPANY_SUFFIXES)}`;
  const domain = `${slug(word).replace(/\./g, "") || "mail"}${index}.example`;
  const email = `${slug(`${first}.${last}`)}@${domain}`;
  const planRoll = random.next();
  const planInfo =
    planRoll < PLANS[0].share ? PLANS[0] : planRoll < PLANS[0].share + PLANS[1].share ? PLANS[1] : PLANS[2];
  const segment = SEGMENTS[pickWeighted(random, SEGMENT_SHARES[planInfo.plan])];
  const signedUp = nowMs - (1 + random.next() * HISTORY_DAYS) * DAY;
  const journey = new Journey(random);

  // Before the sale: a lead climbs with spread-out gaps, or goes cold and is closed as churned.
  const pace = logNormal(random, 1, 0.3);
  let t = signedUp;
  journey.reach(t, 1, "First touch");
  let churnAt = Infinity;
  let churnKind: DemoCustomer["churnKind"] = null;
  let churnReason: string | null = null;
  let retried = false;
  while (journey.milestone < 7) {
    const m = journey.milestone;
    if (random.chance(retried && m === 5 ? 0.5 : LEAD_ADVANCE[m])) {
      const next = t + logNormal(random, LEAD_GAP_DAYS[m] * pace, 0.7) * DAY;
      if (random.chance(LEAD_TOUCH)) journey.touch(t + random.next() * (next - t));
      if (next > nowMs) break;
      t = next;
      journey.reach(t, m + 1, m + 1 === 7 ? "First purchase" : "Reached through an interaction");
      continue;
    }
    if (m === 5 && !retried && random.chance(0.5)) {
      // A trial runs out without a purchase: back to subscribed, and sometimes a second try.
      const lapse = t + random.between(14, 30) * DAY;
      if (lapse > nowMs) break;
      t = lapse;
      journey.move(t, 4, "Trial ended without a purchase", false, -1);
      if (random.chance(0.3)) {
        const retry = t + random.between(15, 45) * DAY;
        if (retry > nowMs) break;
        t = retry;
        retried = true;
        journey.reach(t, 5, "Started a second trial");
        continue;
      }
    }
    // Going cold: a few more touches, then the lead is closed after weeks of nothing.
    let lastTouch = t;
    for (let i = random.int(0, 2); i > 0; i--) {
      lastTouch += random.between(2, 15) * DAY;
      journey.touch(lastTouch);
    }
    const cold = lastTouch + random.between(14, 35) * DAY;
    if (cold <= nowMs) {
      churnAt = cold;
      churnKind = "cold";
      churnReason = COLD_REASON;
    }
    break;
  }

  let convertedAt: number | null = null;
  let mrr = 0;
  if (journey.milestone >= 7) {
    convertedAt = t;
    mrr = Math.round(random.between(planInfo.mrr[0], planInfo.mrr[1])) * 100;
    const life = new Life(random, journey, segment, planInfo.usage, convertedAt, nowMs);
    life.run();
    churnAt = life.churnAt;
    churnKind = life.churnKind;
    churnReason =
      life.churnKind === "sudden"
        ? random.pick(SUDDEN_REASONS)
        : life.churnKind === "warned"
          ? random.pick(WARNED_REASONS[segment.key])
          : null;
  }

  const churnedAt = churnAt <= nowMs ? churnAt : null;
  const told = finish(journey, churnedAt ?? nowMs, churnedAt !== null, nowMs);
  const current = told.milestones[told.milestones.length - 1];
  return {
    name: `${first} ${last}`,
    email,
    company,
    plan: planInfo.plan,
    mrrCents: mrr,
    segment: segment.key,
    signedUpAt: new Date(signedUp),
    milestones: told.milestones,
    milestone: current.to,
    peakMilestone: told.peak,
    milestoneAt: current.at,
    convertedAt: convertedAt === null ? null : new Date(convertedAt),
    churnedAt: churnedAt === null ? null : new Date(churnedAt),
    churnReason: churnedAt === null ? null : churnReason,
    churnKind: churnedAt === null ? null : churnKind,
    episodes: told.episodes,
    events: told.events,
  };
}

/** Orders the rows by time, keeps what had happened and arrived by now (and before churn), maps indexes. */
function finish(
  journey: Journey,
  end: number,
  churned: boolean,
  nowMs: number,
): { milestones: DemoMilestoneChange[]; peak: number; episodes: DemoEpisode[]; events: DemoEvent[] } {
  const rows = journey.rows;
  const count = rows.length;
  const order = sortedByTime(rows);
  if (POSITION.length < count) POSITION = new Int32Array(2 * count);
  const position = POSITION;
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    const answers = rows.answers[i];
    // A gesture is booked only with the debit it answers.
    const keep = rows.t[i] <= end && rows.r[i] <= nowMs && (answers < 0 || rows.r[answers] <= nowMs);
    position[i] = keep ? kept++ : -1;
  }
  const events: DemoEvent[] = [];
  for (let k = 0; k < count; k++) {
    const i = order[k];
    if (position[i] < 0) continue;
    const t = rows.t[i];
    const r = rows.r[i];
    const occurredAt = new Date(t);
    const byOwner = rows.byOwner[i] === 1;
    const event: DemoEvent = {
      type: rows.types[i],
      occurredAt,
      // Rows that arrived as they happened share one Date: an event's dates are never mutated.
      recordedAt: r === t ? occurredAt : new Date(r),
      direction: byOwner ? "outbound" : "inbound",
      byOwner,
    };
    const summary = rows.summaries[i];
    if (summary !== undefined) event.summary = summary;
    const answers = rows.answers[i];
    if (answers >= 0) event.answersEvent = position[answers];
    events.push(event);
  }

  const milestones: DemoMilestoneChange[] = [];
  let peak = 0;
  for (const change of journey.changes) {
    if (change.t > end) break;
    const evidence = change.evidence >= 0 ? position[change.evidence] : -1;
    // A change and its evidence happen at the same instant: they share the event's Date.
    const at = evidence >= 0 ? events[evidence].occurredAt : new Date(change.t);
    const item: DemoMilestoneChange = {
      from: change.from,
      to: change.to,
      at,
      reason: change.reason,
      byHand: change.byHand,
    };
    if (evidence >= 0) item.evidenceEvent = evidence;
    milestones.push(item);
    peak = Math.max(peak, change.to);
  }
  const episodes: DemoEpisode[] = [];
  for (const episode of journey.episodes) {
    if (episode.from.getTime() > end) continue;
    if (episode.to.getTime() > end) episode.to = new Date(end);
    if (episode.outcome === "churned" && !churned) episode.outcome = "ongoing";
    episodes.push(episode);
  }
  return { milestones, peak, episodes, events };
}

const INDEX_BITS = SORT_KEYS.length;
/** Keys of time·4096 + index stay exact integers (below 2^53) for times before 2039. */
const PACKED_SORT_UNTIL = Math.floor(Number.MAX_SAFE_INTEGER / INDEX_BITS);

/**
 * Row indexes in time order, ties in story order. Rows are told almost in order (step by step), so
 * an insertion sort of packed keys (time·4096 + index) beats a general sort here.
 */
function sortedByTime(rows: Rows): Int32Array | number[] {
  const count = rows.length;
  let packed = count < INDEX_BITS;
  for (let i = 0; packed && i < count; i++) packed = rows.t[i] < PACKED_SORT_UNTIL;
  if (!packed) {
    const order = Array.from({ length: count }, (_, i) => i);
    return order.sort((a, b) => rows.t[a] - rows.t[b] || a - b);
  }
  const keys = SORT_KEYS;
  for (let i = 0; i < count; i++) {
    const key = rows.t[i] * INDEX_BITS + i;
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  for (let i = 0; i < count; i++) {
    const key = keys[i];
    ORDER[i] = key - Math.floor(key / INDEX_BITS) * INDEX_BITS;
  }
  return ORDER;
}

type Decline = { start: number; end: number; silentFrom: number; loud: number; isLoud: boolean; episode: DemoEpisode };
type Spell = { kind: "incident" | "quiet" | "billing"; until: number };

const DEBIT_RATES = new Float64Array(DEBITS.length);
const GROUP_BOOST = new Float64Array([1, 1, 1, 1]);
const CSM_TOUCHES = [
  ["outbound_email", 4],
  ["call", 2],
  ["meeting", 1],
  ["note", 1.5],
] as const;

/**
 * After the purchase, two weeks at a time: latent health walks, churn decisions arrive as a hazard of
 * health, declines and bad spells shape behaviour, milestones climb and sometimes fall back.
 */
class Life {
  churnAt = Infinity;
  churnKind: "warned" | "sudden" | null = null;
  private mean: number;
  private health: number;
  private readonly usage: number;
  private readonly pace: number;
  /** The highest milestone this customer would ever reach: not everyone reviews, fewer refer. */
  private readonly ceiling: number;
  private decline: Decline | null = null;
  private spell: Spell | null = null;
  private chaseFrom = Infinity;
  private chaseUntil = -Infinity;
  private nextLogin = Infinity;
  private quietFrom = Infinity;
  private quietUntil = -Infinity;
  private nextStepAt = Infinity;
  private nextRenewal = Infinity;
  private loginRateDrawn = 0;

  constructor(
    private readonly random: Random,
    private readonly journey: Journey,
    private readonly segment: Segment,
    planUsage: number,
    private readonly convertedAt: number,
    private readonly nowMs: number,
  ) {
    this.mean = segment.health;
    this.health = segment.health + HEALTH.startSd * normal(random);
    this.usage = planUsage * logNormal(random, 1, USAGE_SD);
    this.pace = logNormal(random, 1, 0.3);
    this.ceiling = !random.chance(segment.advocates) ? 11 : random.chance(PROMOTERS) ? 13 : 12;
  }

  private gapTo(to: number): number {
    const factor = to === 11 ? this.segment.upgradePace : this.segment.pace;
    return logNormal(this.random, GAP_DAYS[to] * factor * this.pace, 0.6) * DAY;
  }

  /** Nothing inbound in a quiet spell or once a decline has gone silent. */
  private inboundAllowed(at: number): boolean {
    if (at >= this.quietFrom && at < this.quietUntil) return false;
    return this.decline === null || at < this.decline.silentFrom;
  }

  /** Maybe answers a debit with a gesture: the story's one causal lever, a little health and a chance of rescue. */
  private answer(debitIndex: number, type: string, t: number): void {
    const rule = DELIGHT[type];
    if (!rule) return;
    const recent = this.nowMs - t < 14 * DAY;
    if (!this.random.chance(recent ? rule.answer * RECENT_ANSWER_FACTOR : rule.answer)) return;
    // A gesture follows the debit by hours to days, once the team can see it.
    const at = Math.max(t, this.journey.rows.r[debitIndex]) + this.random.between(0.2, 4) * DAY;
    if (at > this.churnAt) return;
    this.journey.push(at, "delight_moment", this.random.pick(GESTURES), debitIndex);
    this.health += rule.lift;
    const decline = this.decline;
    if (decline && at < decline.silentFrom && this.random.chance(rule.rescue)) {
      decline.episode.to = new Date(at);
      decline.episode.outcome = "rescued";
      delete decline.episode.silentFrom;
      this.health = Math.max(this.health, this.mean - 0.2);
      this.decline = null;
      this.churnAt = Infinity;
      this.churnKind = null;
      this.chaseFrom = Infinity;
    }
  }

  private decide(step: number, stepEnd: number, span: number): void {
    const { random, segment } = this;
    const early = step - this.convertedAt < CHURN.earlyDays * DAY ? CHURN.earlyFactor : 1;
    const monthly = segment.monthlyChurn * early * Math.exp(-CHURN.kappa * (this.health - segment.health));
    if (!random.chance(Math.min(0.5, (monthly * 7 * span) / 30))) return;
    const start = step + random.next() * (stepEnd - step);
    if (random.chance(segment.suddenShare)) {
      this.churnAt = start + random.between(1, 21) * DAY;
      this.churnKind = "sudden";
      const to = new Date(this.churnAt);
      this.journey.episodes.push({ kind: "sudden", from: new Date(start), to, outcome: "churned" });
      return;
    }
    // Most decisions brew for months: lengths lean towards the long end of the range.
    const length = (DECLINE.minDays + (DECLINE.maxDays - DECLINE.minDays) * Math.cbrt(random.next())) * DAY;
    // Loud decliners complain on the way out and keep using the product; the others just fade away.
    const isLoud = random.chance(DECLINE.loudShare);
    const loud = isLoud ? 0.5 + 0.5 * random.next() : 0.15 * random.next();
    const [from, to] = isLoud ? DECLINE.loudSilentFrom : DECLINE.quietSilentFrom;
    const silentFrom = start + random.between(from, to) * length;
    const episode: DemoEpisode = {
      kind: "decline",
      from: new Date(start),
      to: new Date(start + length),
      silentFrom: new Date(silentFrom),
      outcome: "churned",
    };
    this.journey.episodes.push(episode);
    this.decline = { start, end: start + length, silentFrom, loud, isLoud, episode };
    this.churnAt = start + length;
    this.churnKind = "warned";
    this.spell = null;
    if (random.chance(CHASE.share)) {
      this.chaseFrom = silentFrom + random.between(CHASE.afterDays[0], CHASE.afterDays[1]) * DAY;
      // The chase ends before a cancellation request could arrive.
      this.chaseUntil = this.churnAt - CANCELLATION.daysBefore[1] * DAY;
    }
  }

  private startSpell(step: number): void {
    const { random } = this;
    const roll = random.next();
    const kind = roll < SPELLS.incident ? "incident" : roll < SPELLS.incident + SPELLS.quiet ? "quiet" : "billing";
    const weeks =
      kind === "quiet"
        ? random.between(SPELLS.quietWeeks[0], SPELLS.quietWeeks[1])
        : kind === "incident"
          ? random.between(1, 3)
          : random.between(1, 2);
    this.spell = { kind, until: step + weeks * WEEK };
    this.journey.episodes.push({ kind, from: new Date(step), to: new Date(this.spell.until) });
    if (kind === "incident") this.health -= 0.1;
    if (kind === "quiet") {
      this.quietFrom = step;
      this.quietUntil = this.spell.until;
    }
    if (kind === "quiet" && random.chance(CHASE.share)) {
      this.chaseFrom = step + random.between(CHASE.afterDays[0], CHASE.afterDays[1]) * DAY;
      this.chaseUntil = this.spell.until;
    }
  }

  run(): void {
    const { random, journey, segment, nowMs } = this;
    this.nextStepAt = this.convertedAt + this.gapTo(8);
    this.nextRenewal = this.convertedAt + 365 * DAY;

    for (let step = this.convertedAt; step < nowMs && step < this.churnAt; step += STEP) {
      const stepEnd = Math.min(step + STEP, nowMs);
      const width = stepEnd - step;
      const span = width / WEEK;
      const mid = step + width / 2;

      const drift = HEALTH.reversion * span * (this.mean - this.health);
      this.health += drift + HEALTH.weeklySd * Math.sqrt(span) * normal(random);
      if (random.chance(HEALTH.shiftPerWeek * span)) this.mean += HEALTH.shiftSd * normal(random);
      if (this.decline === null && this.churnAt === Infinity) this.decide(step, stepEnd, span);
      if (this.spell && this.spell.until <= step) this.spell = null;
      if (this.decline === null && this.spell === null && random.chance(SPELLS.perWeek * span)) this.startSpell(step);

      // How this step looks: decline progress, spells and health set the multipliers.
      const decline = this.decline;
      const spell = this.spell;
      let progress = 0;
      let felt = this.health;
      let loginFactor = 1;
      let debitFactor = 1;
      let creditFactor = 1;
      if (decline) {
        progress = Math.min(1, Math.max(0, (mid - decline.start) / (decline.end - decline.start)));
        const silentShare = (decline.silentFrom - decline.start) / (decline.end - decline.start);
        felt -= DECLINE.healthDrop * progress;
        loginFactor = Math.max(0, 1 - progress / silentShare) ** (decline.isLoud ? 0.5 : 2);
        debitFactor = 1 + DECLINE.debitSurge * decline.loud * progress;
        creditFactor = (1 - progress) ** 2;
      } else if (spell?.kind === "incident") {
        debitFactor = 3.5;
      }
      loginFactor *= Math.exp(LOGIN_HEALTH * (felt - 0.3));
      debitFactor *= Math.exp(-DEBIT_HEALTH * this.health);
      creditFactor *= Math.exp(CREDIT_HEALTH * felt);

      this.logins(step, stepEnd, LOGINS_PER_WEEK * this.usage * loginFactor);

      GROUP_BOOST[BILLING] = segment.billingRate * (spell?.kind === "billing" ? 12 : 1);
      GROUP_BOOST[PRODUCT] = spell?.kind === "incident" ? 2 : 1;
      GROUP_BOOST[VOICE] = decline ? 1 + 4 * decline.loud * progress : 1;
      let debitTotal = 0;
      for (let i = 0; i < DEBITS.length; i++) {
        const rate = DEBITS[i][1] * GROUP_BOOST[DEBITS[i][2]];
        DEBIT_RATES[i] = rate;
        debitTotal += rate;
      }
      for (let n = poisson(random, (debitTotal * debitFactor * 7 * span) / 30); n > 0; n--) {
        const at = step + random.next() * width;
        if (!this.inboundAllowed(at)) continue;
        let roll = random.next() * debitTotal;
        let pick = 0;
        while (pick < DEBITS.length - 1 && roll >= DEBIT_RATES[pick]) roll -= DEBIT_RATES[pick++];
        const type = DEBITS[pick][0];
        const index = journey.push(at, type);
        if (type === "support_ticket" || type === "bug_report") this.followUp(at, felt);
        this.answer(index, type, at);
      }

      for (let n = poisson(random, (CREDITS_PER_MONTH * creditFactor * 7 * span) / 30); n > 0; n--) {
        const at = step + random.next() * width;
        if (this.inboundAllowed(at)) journey.push(at, pickWeighted(random, CREDIT_MIX));
      }

      if (random.chance(NPS_PER_WEEK * span) && spell?.kind !== "quiet") {
        const at = step + random.next() * width;
        const said = felt + 0.6 * normal(random);
        if (this.inboundAllowed(at)) {
          const type = said > 0.5 ? "nps_promoter" : said < -0.3 ? "nps_detractor" : "nps_passive";
          const index = journey.push(at, type);
          if (type === "nps_detractor") this.answer(index, type, at);
        }
      }

      for (let n = poisson(random, (CSM_TOUCHES_PER_MONTH * 7 * span) / 30); n > 0; n--) {
        journey.push(step + random.next() * width, pickWeighted(random, CSM_TOUCHES));
      }
      if (this.chaseFrom < stepEnd) this.chase(step);

      this.climb(step, stepEnd, felt);
      const m = journey.milestone;
      if (m >= 13 && random.chance(CONTRIBUTIONS_PER_WEEK * span)) {
        const at = step + random.next() * width;
        if (this.inboundAllowed(at)) journey.push(at, "community_contribution", random.pick(COMMUNITY_KINDS));
      }
      if (this.nextRenewal < stepEnd) {
        // Renewing implies retained: only while the customer was at least retained at that moment.
        const renews =
          m >= 10 &&
          !decline &&
          this.nextRenewal >= Math.max(step, journey.lastChange) &&
          this.inboundAllowed(this.nextRenewal);
        if (renews) journey.push(this.nextRenewal, "renewal", "Annual renewal");
        this.nextRenewal += 365 * DAY;
      }
    }

    if (this.churnKind && this.churnAt <= nowMs) {
      const asks = this.churnKind === "warned" ? CANCELLATION.warned : CANCELLATION.sudden;
      if (random.chance(asks)) {
        const daysBefore = random.between(CANCELLATION.daysBefore[0], CANCELLATION.daysBefore[1]);
        journey.push(this.churnAt - daysBefore * DAY, "cancellation_request");
      }
    }
  }

  /** Milestones: forward with evidence when due and things go well; back when a champion leaves or they downgrade. */
  private climb(step: number, stepEnd: number, felt: number): void {
    const { random, journey, segment } = this;
    const width = stepEnd - step;
    const span = width / WEEK;
    // A step due in an earlier step (it fell between two checks) happens during this one.
    if (this.nextStepAt < step) this.nextStepAt = step + random.next() * width;
    const m = journey.milestone;
    if (m < this.ceiling && this.nextStepAt < stepEnd) {
      // Onboarding starts whatever happens (the team runs it); the customer's own steps wait while they are
      // leaving or quiet, and growth waits for good times.
      const own = m + 1 >= 9 && (this.decline !== null || !this.inboundAllowed(this.nextStepAt));
      const waits = own || (m >= 10 && (this.spell !== null || felt < this.mean - ADVANCE_GATE));
      if (waits) this.nextStepAt += random.between(14, 42) * DAY;
      else {
        journey.reach(this.nextStepAt, m + 1, m + 1 === 8 ? "Onboarding started" : "Reached through an interaction");
        this.nextStepAt += this.gapTo(Math.min(13, m + 2));
      }
    }

    const at = step + random.next() * width;
    // Changes stay in time order: nothing falls back before the last step forward.
    if (at <= journey.lastChange || !this.inboundAllowed(at)) return;
    if (journey.milestone >= 9 && random.chance((CHAMPION_LEAVES_PER_YEAR / 52) * span)) {
      journey.move(
        at,
        8,
        "Champion left: the new contact needs onboarding",
        true,
        journey.push(at, "note", "Our champion left the company; onboarding the new contact", -1, true),
      );
      this.health -= 0.4;
      this.nextStepAt = at + logNormal(random, 30 * segment.pace, 0.5) * DAY;
      journey.push(at + random.between(3, 14) * DAY, "onboarding_session", "Onboarding the new contact");
    } else if (journey.milestone >= 11) {
      const perYear = segment.downgradePerYear * (this.decline ? 6 : 1);
      if (random.chance((perYear * span) / 52)) {
        journey.move(at, 10, "Downgraded", false, journey.push(at, "downgrade", undefined, -1, true));
        this.nextStepAt = at + this.gapTo(11);
      }
    }
  }

  /**
   * Logins as a steady rhythm, not a memoryless stream: a gap is at least LOGIN_GAP_FLOOR of the mean
   * plus an exponential rest, so an engaged account rarely goes two weeks without one.
   */
  private logins(step: number, stepEnd: number, perWeek: number): void {
    if (perWeek < 0.01) {
      this.nextLogin = Infinity;
      return;
    }
    const meanGap = WEEK / perWeek;
    if (this.nextLogin === Infinity || perWeek > 3 * this.loginRateDrawn) {
      this.nextLogin = step + this.random.next() * meanGap;
    }
    this.loginRateDrawn = perWeek;
    const random = this.random;
    while (this.nextLogin < stepEnd) {
      if (this.inboundAllowed(this.nextLogin)) this.journey.login(this.nextLogin);
      this.nextLogin += (LOGIN_GAP_FLOOR - (1 - LOGIN_GAP_FLOOR) * Math.log(1 - random.next())) * meanGap;
    }
  }

  /** A ticket gets a follow-up: fixed fast while things go well, a slow answer when they do not. */
  private followUp(at: number, felt: number): void {
    const random = this.random;
    const fastChance = 0.4 / (1 + Math.exp(-2 * felt));
    const slowChance = this.decline ? 0.25 : 0.06;
    const roll = random.next();
    if (roll < fastChance) {
      const fixedAt = at + random.between(0.1, 2) * DAY;
      if (this.inboundAllowed(fixedAt)) this.journey.push(fixedAt, "issue_resolved_fast");
    } else if (roll < fastChance + slowChance) {
      const slowAt = at + random.between(2, 6) * DAY;
      if (this.inboundAllowed(slowAt)) this.answer(this.journey.push(slowAt, "slow_response"), "slow_response", slowAt);
    }
  }

  /** Over-contact: a silent customer chased with emails nobody answers, then marked as ignoring us. */
  private chase(step: number): void {
    const random = this.random;
    let at = Math.max(this.chaseFrom, step);
    const emails = random.int(3, 5);
    let sent = 0;
    for (; sent < emails && at < this.chaseUntil && at < this.nowMs; sent++) {
      this.journey.push(at, "outbound_email", "Checking in: anything we can help with?");
      at += random.between(2, 6) * DAY;
    }
    if (sent === emails && at < this.chaseUntil && at < this.nowMs) {
      this.journey.push(at, "ignored_outreach", "No reply to our last emails");
    }
    this.chaseFrom = Infinity;
  }
}

// ---------------------------------------------------------------------------------------------
// Scale filler

/** Filler logins precede a natural login by at most this many hours: more sessions on days already active. */
const FILLER_WINDOW_HOURS = 24;

/**
 * Adds logins until the book holds `targetInteractions` rows, only where they change nothing the
 * story says: each one comes in the day before a natural login of a paying customer, after that
 * customer's previous row of any kind, so none falls after the last natural inbound row, inside a
 * silence, or between a chase's emails. Every login anchors the same number of extra ones, so
 * activity grows in proportion to what is there and thinning keeps its shape (docs/demo-data.md
 * says why declines are not left out). Recorded at once; answersEvent and evidenceEvent are
 * remapped. Returns how many were added.
 */
export function addUsage(customers: DemoCustomer[], targetInteractions: number, random: Random, now: Date): number {
  let natural = 0;
  for (const customer of customers) natural += customer.events.length;
  const extra = Math.floor(targetInteractions - natural);
  if (extra <= 0) return 0;

  // Anchors: per customer, pairs of (start, natural login) windows the login may be preceded in.
  const anchors: number[][] = customers.map((customer) => {
    const windows: number[] = [];
    if (!customer.convertedAt) return windows;
    const from = customer.convertedAt.getTime();
    const quiet = customer.episodes.filter((e) => e.kind === "quiet").map((e) => [e.from.getTime(), e.to.getTime()]);
    const events = customer.events;
    for (let i = 1; i < events.length; i++) {
      const t = events[i].occurredAt.getTime();
      if (events[i].type !== "login" || t <= from || t > now.getTime()) continue;
      let start = Math.max(events[i - 1].occurredAt.getTime(), t - FILLER_WINDOW_HOURS * HOUR, from);
      // The first login after a quiet spell ends it: nothing is added inside the spell.
      for (const [spellFrom, spellTo] of quiet) if (start < spellTo && t > spellFrom) start = Math.max(start, spellTo);
      if (t - start >= MINUTE) windows.push(start, t);
    }
    return windows;
  });
  let total = 0;
  for (const windows of anchors) total += windows.length / 2;
  if (total === 0) return 0;

  // Systematic sampling: every anchor gets ⌊extra ÷ anchors⌋ or one more, the same rate for everyone.
  const offset = random.next();
  let seen = 0;
  let added = 0;
  customers.forEach((customer, c) => {
    const windows = anchors[c];
    if (windows.length === 0) return;
    const logins: number[] = [];
    for (let w = 0; w < windows.length; w += 2) {
      const before = Math.floor((extra * seen) / total + offset);
      seen += 1;
      const count = Math.floor((extra * seen) / total + offset) - before;
      const [start, end] = [windows[w], windows[w + 1]];
      for (let k = 0; k < count; k++) logins.push(Math.floor(start + 1 + random.next() * (end - start - 1)));
    }
    if (logins.length === 0) return;
    logins.sort((x, y) => x - y);
    added += logins.length;
    mergeLogins(customer, logins);
  });
  return added;
}

function mergeLogins(customer: DemoCustomer, logins: number[]): void {
  const old = customer.events;
  const merged: DemoEvent[] = [];
  const position = new Int32Array(old.length);
  let j = 0;
  for (let i = 0; i < old.length; i++) {
    const t = old[i].occurredAt.getTime();
    while (j < logins.length && logins[j] < t) {
      const at = new Date(logins[j++]);
      merged.push({ type: "login", occurredAt: at, recordedAt: at, direction: "inbound", byOwner: false });
    }
    position[i] = merged.length;
    merged.push(old[i]);
  }
  while (j < logins.length) {
    const at = new Date(logins[j++]);
    merged.push({ type: "login", occurredAt: at, recordedAt: at, direction: "inbound", byOwner: false });
  }
  for (const event of old) {
    if (event.answersEvent !== undefined) event.answersEvent = position[event.answersEvent];
  }
  for (const change of customer.milestones) {
    if (change.evidenceEvent !== undefined) change.evidenceEvent = position[change.evidenceEvent];
  }
  customer.events = merged;
}
