import { CONVERTED_MILESTONE, LAST_MILESTONE } from "@/lib/journey/models";
import { COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES } from "./names";
import type { Random } from "./random";
import { DAY_MS as DAY } from "@/lib/dates";

/** Chance of moving from milestone m to m + 1 (index m). */
const ADVANCE = [0, 0.9, 0.88, 0.88, 0.85, 0.85, 0.8, 0.97, 0.92, 0.88, 0.6, 0.65, 0.55];
/** Days between reaching milestone m and m + 1 (index m). */
const GAP_DAYS: [number, number][] = [
  [0, 0],
  [1, 10],
  [1, 14],
  [2, 14],
  [2, 21],
  [2, 14],
  [3, 21],
  [1, 7],
  [7, 30],
  [20, 90],
  [15, 90],
  [10, 60],
  [10, 60],
];
/** The interaction that proves each milestone (index = milestone). */
const EVIDENCE: Record<number, string[]> = {
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

export const PLANS = [
  { plan: "starter", share: 0.5, mrr: [49, 199] },
  { plan: "growth", share: 0.35, mrr: [300, 1500] },
  { plan: "enterprise", share: 0.15, mrr: [2000, 12000] },
] as const;

export type GeneratedEvent = {
  type: string;
  at: Date;
  direction: "inbound" | "outbound";
  byOwner: boolean;
  /** Set on the interaction that proved a milestone. */
  milestone?: number;
};

export type GeneratedCustomer = {
  name: string;
  email: string;
  company: string;
  plan: string;
  mrrCents: number;
  troubled: boolean;
  signedUpAt: Date;
  milestone: number;
  milestoneAt: Date;
  convertedAt: Date | null;
  churnedAt: Date | null;
  churnReason: string | null;
  events: GeneratedEvent[];
};

const CHURN_REASONS = [
  "Too expensive",
  "Moved to a competitor",
  "Project ended",
  "Missing features",
  "Poor support experience",
];

function pickPlan(random: Random) {
  const roll = random.next();
  let sum = 0;
  for (const plan of PLANS) {
    sum += plan.share;
    if (roll < sum) return plan;
  }
  return PLANS[0];
}

/** One customer's plausible journey from first touch to now (or churn), as dated events. */
export function generateCustomer(random: Random, index: number, now: Date): GeneratedCustomer {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const word = random.pick(COMPANY_WORDS);
  const company = `${word} ${random.pick(COMPANY_SUFFIXES)}`;
  const domain = `${
    word
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z]/g, "") || "mail"
  }${index}.example`;
  const email =
    `${first}.${last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "") + `@${domain}`;
  const plan = pickPlan(random);
  const troubled = random.chance(0.2);
  // Skewed towards older sign-ups: a book holds more customers who had time to move on.
  const age = 1 - (1 - random.next()) ** 2;
  const signedUpAt = new Date(now.getTime() - (1 + age * 364) * DAY);

  const events: GeneratedEvent[] = [];
  const milestones: { milestone: number; at: Date }[] = [];
  const reach = (milestone: number, at: Date) => {
    milestones.push({ milestone, at });
    const type = random.pick(EVIDENCE[milestone]);
    const outbound = type === "demo" || type === "proposal" || type === "onboarding_session";
    events.push({ type, at, direction: outbound ? "outbound" : "inbound", byOwner: outbound, milestone });
  };

  let at = signedUpAt;
  let milestone = 1;
  reach(1, at);
  while (milestone < LAST_MILESTONE && random.chance(ADVANCE[milestone])) {
    const [min, max] = GAP_DAYS[milestone];
    const next = new Date(at.getTime() + random.between(min, max) * DAY);
    if (next > now) break;
    // Touches between milestones: people read and click before they commit.
    if (milestone < CONVERTED_MILESTONE) {
      for (let i = random.int(0, 2); i > 0; i--) {
        const touch = new Date(at.getTime() + random.next() * (next.getTime() - at.getTime()));
        events.push({
          type: random.pick(["content_view", "social_engagement"]),
          at: touch,
          direction: "inbound",
          byOwner: false,
        });
      }
    }
    milestone += 1;
    at = next;
    reach(milestone, at);
  }

  const convertedAt = milestones.find((m) => m.milestone === CONVERTED_MILESTONE)?.at ?? null;
  let churnedAt: Date | null = null;
  let end = now;
  if (convertedAt && random.chance(troubled ? 0.35 : 0.06)) {
    const earliest = convertedAt.getTime() + 14 * DAY;
    if (earliest < now.getTime() - DAY) {
      churnedAt = new Date(random.between(earliest, now.getTime() - DAY));
      end = churnedAt;
      // A churned customer keeps its history up to the churn and nothing after it.
      while (milestones.length > 1 && milestones[milestones.length - 1].at > churnedAt) {
        milestones.pop();
      }
      const kept = new Set(milestones.map((m) => m.milestone));
      for (let i = events.length - 1; i >= 0; i--) {
        const event = events[i];
        if (event.at > churnedAt || (event.milestone !== undefined && !kept.has(event.milestone))) events.splice(i, 1);
      }
      events.push({
        type: "cancellation_request",
        at: new Date(churnedAt.getTime() - random.between(1, 10) * DAY),
        direction: "inbound",
        byOwner: false,
      });
    }
  }

  if (convertedAt) addCustomerLife(random, events, convertedAt, end, now, troubled, churnedAt !== null);

  const current = milestones[milestones.length - 1];
  const [mrrMin, mrrMax] = plan.mrr;
  return {
    name: `${first} ${last}`,
    email,
    company,
    plan: plan.plan,
    mrrCents: convertedAt ? Math.round(random.between(mrrMin, mrrMax)) * 100 : 0,
    troubled,
    signedUpAt,
    milestone: current.milestone,
    milestoneAt: current.at,
    convertedAt,
    churnedAt,
    churnReason: churnedAt ? random.pick(CHURN_REASONS) : null,
    events: events.sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}

type Rates = Record<string, [healthy: number, troubled: number]>;
/** Monthly chance of each event after the purchase, for a healthy and a troubled customer. */
const MONTHLY: Rates = {
  support_ticket: [0.35, 0.6],
  bug_report: [0.15, 0.35],
  error_hit: [0.1, 0.25],
  complaint: [0.04, 0.3],
  social_mention: [0.01, 0.08],
  slow_response: [0.04, 0.15],
  billing_problem: [0.02, 0.08],
  outage: [0.02, 0.04],
  praise: [0.1, 0.02],
  feature_adopted: [0.2, 0.08],
  goal_reached: [0.06, 0.02],
  issue_resolved_fast: [0.15, 0.1],
  outbound_email: [0.4, 0.5],
  call: [0.15, 0.2],
  meeting: [0.1, 0.1],
  note: [0.1, 0.15],
};
const OUTBOUND = new Set(["outbound_email", "call", "meeting", "note"]);

function addCustomerLife(
  random: Random,
  events: GeneratedEvent[],
  from: Date,
  end: Date,
  now: Date,
  troubled: boolean,
  churned: boolean,
): void {
  const pick = (rates: [number, number]) => (troubled ? rates[1] : rates[0]);
  // Troubled customers who stay often go quiet: the last login is weeks ago.
  const goesSilent = troubled && !churned && random.chance(0.6);
  const lastLogin = goesSilent ? new Date(now.getTime() - random.between(15, 60) * DAY) : end;
  const loginGap: [number, number] = troubled ? [3, 10] : [1, 5];
  for (
    let t = from.getTime() + random.between(...loginGap) * DAY;
    t < lastLogin.getTime();
    t += random.between(...loginGap) * DAY
  ) {
    events.push({ type: "login", at: new Date(t), direction: "inbound", byOwner: false });
  }
  for (let month = from.getTime(); month < end.getTime(); month += 30 * DAY) {
    const windowEnd = Math.min(month + 30 * DAY, end.getTime());
    const at = () => new Date(random.between(month, windowEnd));
    for (const [type, rates] of Object.entries(MONTHLY)) {
      if (!random.chance(pick(rates))) continue;
      const when = at();
      if (goesSilent && !OUTBOUND.has(type) && when > lastLogin) continue;
      events.push({
        type,
        at: when,
        direction: OUTBOUND.has(type) ? "outbound" : "inbound",
        byOwner: OUTBOUND.has(type),
      });
    }
    if (random.chance(1 / 3)) {
      const roll = random.next();
      const [promoter, passive] = troubled ? [0.15, 0.35] : [0.5, 0.3];
      const type = roll < promoter ? "nps_promoter" : roll < promoter + passive ? "nps_passive" : "nps_detractor";
      const when = at();
      if (!(goesSilent && when > lastLogin)) events.push({ type, at: when, direction: "inbound", byOwner: false });
    }
  }
  // Over-contact: some silent customers get chased with emails nobody answers.
  if (goesSilent && random.chance(0.5)) {
    for (let i = random.int(3, 5); i > 0; i--) {
      events.push({
        type: "outbound_email",
        at: new Date(now.getTime() - random.between(1, 20) * DAY),
        direction: "outbound",
        byOwner: true,
      });
    }
    events.push({
      type: "ignored_outreach",
      at: new Date(now.getTime() - random.between(1, 5) * DAY),
      direction: "outbound",
      byOwner: true,
    });
  }
}
