/**
 * Offline check of the demo story (docs/demo-data.md): generates a book in memory, runs the
 * product's backtest on it (monthly cutoffs, 90-day horizon, the hand-set score against baselines)
 * and prints the story's own figures. No database.
 *
 *   npx tsx scripts/demo-story-check.ts [--customers 20000] [--seed 42] [--now 2026-11-30]
 *                                       [--filler 50] [--time]
 *
 * --filler N adds logins (addUsage) up to N rows per customer and backtests again;
 * --time first generates 100,000 customers three times in batches of 2,000 and fills them to 5,000,000 rows.
 */
import { parseArgs } from "node:util";
import { rocAuc } from "@/lib/backtest/metrics";
import { createRandom } from "@/lib/demo/random";
import { addUsage, type DemoCustomer, type DemoEvent, demoRandom, generateDemoCustomer } from "@/lib/demo/story";
import { INTERACTION_CATALOG } from "@/lib/interaction-catalog";
import { DEFAULT_MODELS } from "@/lib/journey/models";
import { balanceFromInteractions } from "@/lib/ledger";
import { riskScore } from "@/lib/risk";
import { DEFAULT_SETTINGS } from "@/lib/settings";

const DAY = 86_400_000;
const HORIZON_DAYS = 90;
const OUTCOME_PROXY = "cancellation_request";
const WEIGHT = new Map(INTERACTION_CATALOG.map((t) => [t.key, t.weight]));
const PRODUCT_FEED = new Set(["login", "error_hit", "feature_adopted"]);
const QUEUE_KINDS = new Set([
  "complaint",
  "social_mention",
  "billing_problem",
  "nps_detractor",
  "outage",
  "bug_report",
  "slow_response",
  "error_hit",
  "support_ticket",
]);
const TARGETS = { auc: 0.78, lift: 2.8, margin: 0.03, baseRate: [0.03, 0.1] };

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "20000" },
    seed: { type: "string", default: "42" },
    now: { type: "string", default: "2026-11-30" },
    filler: { type: "string" },
    time: { type: "boolean", default: false },
  },
});
const customerCount = Number(values.customers);
const seed = Number(values.seed);
const now = new Date(`${values.now}T00:00:00Z`);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const fixed = (x: number, digits = 3) => x.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
const day = (d: Date) => d.toISOString().slice(0, 10);

function generateBook(count: number): DemoCustomer[] {
  const book: DemoCustomer[] = [];
  for (let i = 1; i <= count; i++) book.push(generateDemoCustomer(demoRandom(seed, i), i, now));
  return book;
}

// ------------------------------------------------------------------ metrics (ties count half)

function ascending(scores: Float64Array): number[] {
  return Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
}

/** ROC AUC (lib/backtest/metrics.ts): the chance a random positive outranks a random negative, ties half. */
function auc(scores: Float64Array, positive: Uint8Array): number {
  return rocAuc(Array.from(scores), Array.from(positive, Boolean)) ?? NaN;
}

/**
 * Churn rate per score decile (lowest first); a tie group spreads its rate evenly over the deciles it
 * spans, so ten equal deciles come back even when a tenth of the book shares one score (the page's
 * calibrationDeciles keeps a tie group in one bin instead, which can leave fewer bins).
 */
function deciles(scores: Float64Array, positive: Uint8Array): number[] {
  const order = ascending(scores);
  const n = order.length;
  const sums = new Array<number>(10).fill(0);
  for (let i = 0; i < n;) {
    let j = i;
    let hits = 0;
    while (j < n && scores[order[j]] === scores[order[i]]) hits += positive[order[j++]];
    const rate = hits / (j - i);
    for (let d = 0; d < 10; d++) {
      const overlap = Math.min(j, ((d + 1) * n) / 10) - Math.max(i, (d * n) / 10);
      if (overlap > 0) sums[d] += overlap * rate;
    }
    i = j;
  }
  return sums.map((sum) => sum / (n / 10));
}

// ------------------------------------------------------------------ backtest

type Row = {
  score: number;
  churned: boolean;
  mrr: number;
  silent: number;
  balance: number;
  volume90: number;
  tenure: number;
  /** Hidden, for the diagnosis only: how the customer churned and how long its decline had run. */
  kind: string;
  declineDays: number;
};

function monthStarts(last: Date, count: number): Date[] {
  const starts = [];
  for (let k = count - 1; k >= 0; k--) {
    starts.push(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - k, 1)));
  }
  return starts;
}

/** One row per (customer converted and not churned by the cutoff, cutoff), scored on what was known then. */
function backtest(book: DemoCustomer[], cutoffs: Date[]): Row[] {
  const { ledger, risk } = DEFAULT_SETTINGS;
  const rows: Row[] = [];
  for (const customer of book) {
    if (!customer.convertedAt) continue;
    const converted = customer.convertedAt.getTime();
    const churned = customer.churnedAt?.getTime() ?? Infinity;
    const decline = customer.episodes.find((e) => e.kind === "decline" && e.outcome === "churned");
    for (const cutoff of cutoffs) {
      const c = cutoff.getTime();
      if (converted > c || churned <= c) continue;
      const known: DemoEvent[] = customer.events.filter(
        (e) => e.occurredAt.getTime() <= c && e.recordedAt.getTime() <= c && e.type !== OUTCOME_PROXY,
      );
      const entries = known.map((e) => ({ weight: WEIGHT.get(e.type) ?? 0, at: e.occurredAt }));
      const balance = balanceFromInteractions(entries, cutoff, ledger);
      const monthAgo = new Date(c - 30 * DAY);
      const before = balanceFromInteractions(
        entries.filter((e) => e.at <= monthAgo),
        monthAgo,
        ledger,
      );
      let lastInbound = -Infinity;
      let volume90 = 0;
      for (const e of known) {
        if (e.direction !== "inbound") continue;
        lastInbound = Math.max(lastInbound, e.occurredAt.getTime());
        if (e.occurredAt.getTime() > c - 90 * DAY) volume90++;
      }
      const windowStart = c - risk.fatigueWindowDays * DAY;
      const contacts = known.filter(
        (e) =>
          e.direction === "outbound" && e.occurredAt.getTime() > lastInbound && e.occurredAt.getTime() > windowStart,
      ).length;
      const silentDays = lastInbound === -Infinity ? null : Math.floor((c - lastInbound) / DAY);
      const fatigued = contacts >= risk.fatigueContacts;
      const score = riskScore({ balance, trend: balance - before, silentDays, paying: true, fatigued }, risk);
      rows.push({
        score,
        churned: churned <= c + HORIZON_DAYS * DAY,
        mrr: customer.mrrCents,
        silent: silentDays ?? 0,
        balance,
        volume90,
        tenure: (c - converted) / DAY,
        kind: customer.churnKind ?? "",
        declineDays: decline ? (c - decline.from.getTime()) / DAY : -1,
      });
    }
  }
  return rows;
}

function report(label: string, rows: Row[]): void {
  const positive = Uint8Array.from(rows, (r) => (r.churned ? 1 : 0));
  const churnedCount = positive.reduce((a, b) => a + b, 0);
  const base = churnedCount / rows.length;
  const column = (f: (r: Row) => number) => Float64Array.from(rows, f);
  const score = column((r) => r.score);
  const scoreAuc = auc(score, positive);
  const calibration = deciles(score, positive);
  const lift = calibration[9] / base;
  const random = createRandom(seed + 1);
  const baselines: [string, (r: Row) => number, string][] = [
    ["MRR", (r) => -r.mrr, "lower MRR = riskier"],
    ["days silent", (r) => r.silent, "more days = riskier"],
    ["balance", (r) => -r.balance, "lower = riskier"],
    ["inbound volume 90 d", (r) => -r.volume90, "fewer = riskier"],
    ["tenure", (r) => -r.tenure, "shorter = riskier"],
    ["random", () => random.next(), ""],
  ];
  console.log(`\n== Backtest: ${label}`);
  console.log(
    `rows ${rows.length}, churned within ${HORIZON_DAYS} d: ${churnedCount}, base rate ${pct(base)} ` +
      `(target ${pct(TARGETS.baseRate[0])}–${pct(TARGETS.baseRate[1])}: ` +
      `${verdict(base >= TARGETS.baseRate[0] && base <= TARGETS.baseRate[1])})`,
  );
  console.log(
    `score: ROC AUC ${fixed(scoreAuc)} (target ≥ ${TARGETS.auc}: ${verdict(scoreAuc >= TARGETS.auc)}), ` +
      `lift in the top 10% ${fixed(lift, 2)} (target ≥ ${TARGETS.lift}: ${verdict(lift >= TARGETS.lift)})`,
  );
  console.log(`churn rate per score decile (lowest → highest): ${calibration.map(pct).join(" ")}`);
  let worstMargin = Infinity;
  for (const [name, f, direction] of baselines) {
    // Each baseline in its best direction: if the stated one ranks worse than chance, it is flipped.
    const raw = auc(column(f), positive);
    const best = Math.max(raw, 1 - raw);
    worstMargin = Math.min(worstMargin, scoreAuc - best);
    const note = direction ? ` (${raw < 0.5 ? "flipped: the opposite of " : ""}${direction})` : "";
    console.log(`  baseline ${name.padEnd(20)} AUC ${fixed(best)}  margin ${fixed(scoreAuc - best)}${note}`);
  }
  console.log(
    `smallest margin over a baseline: ${fixed(worstMargin)} (target ≥ ${TARGETS.margin}: ` +
      `${verdict(worstMargin >= TARGETS.margin)})`,
  );

  const against = (keep: (r: Row) => boolean) => {
    const kept = rows.filter((r) => !r.churned || keep(r));
    return auc(
      Float64Array.from(kept, (r) => r.score),
      Uint8Array.from(kept, (r) => (r.churned ? 1 : 0)),
    );
  };
  const visible = (r: Row) => r.kind === "warned" && r.declineDays >= 14;
  const visibleShare = rows.filter((r) => r.churned && visible(r)).length / churnedCount;
  const warned = fixed(against((r) => r.kind === "warned"));
  console.log(
    `diagnosis (hidden state): score AUC for warned churners ${warned}, ` +
      `sudden ${fixed(against((r) => r.kind === "sudden"))}; churned rows whose decline had run ≥ 14 days ` +
      `${pct(visibleShare)} (AUC ${fixed(against(visible))}), the others ${fixed(against((r) => !visible(r)))}`,
  );
}

// ------------------------------------------------------------------ story figures

function bookFigures(book: DemoCustomer[]): void {
  const churners = book.filter((c) => c.churnedAt && c.churnKind !== "cold");
  const converted = book.filter((c) => c.convertedAt);
  const events = book.reduce((sum, c) => sum + c.events.length, 0);
  const active = book.filter((c) => !c.churnedAt);
  console.log(`\n== Book: ${book.length} customers (seed ${seed}, now ${day(now)})`);
  console.log(
    `converted ${converted.length}, churned after buying ${churners.length}, ` +
      `leads gone cold ${book.filter((c) => c.churnKind === "cold").length}, active ${active.length} ` +
      `(of which leads ${active.filter((c) => !c.convertedAt).length})`,
  );
  console.log(`events ${events} (${fixed(events / book.length, 1)} per customer)`);

  const segments = new Map<string, { customers: number; churned: number; months: number }>();
  for (const c of converted) {
    const entry = segments.get(c.segment) ?? { customers: 0, churned: 0, months: 0 };
    entry.customers++;
    if (c.churnedAt && c.churnKind !== "cold") entry.churned++;
    entry.months += ((c.churnedAt ?? now).getTime() - (c.convertedAt as Date).getTime()) / (30 * DAY);
    segments.set(c.segment, entry);
  }
  const segmentCells = [...segments].map(
    ([key, s]) =>
      `${key} ${pct(s.customers / converted.length)} (churned ${s.churned}, ${pct(s.churned / s.months)} a month)`,
  );
  console.log(`segments among converted: ${segmentCells.join(", ")}`);

  const withRequest = churners.filter((c) => c.events.some((e) => e.type === OUTCOME_PROXY)).length;
  const nonChurnerRequests = book.filter((c) => !c.churnedAt && c.events.some((e) => e.type === OUTCOME_PROXY)).length;
  console.log(
    `churners with a cancellation request: ${pct(withRequest / churners.length)} ` +
      `(non-churners with one: ${nonChurnerRequests})`,
  );
  const sudden = churners.filter((c) => c.churnKind === "sudden").length;
  console.log(`churners with no warning (sudden): ${pct(sudden / churners.length)}`);

  let late = 0;
  let feed = 0;
  let feedLate = 0;
  let owner = 0;
  let backdated = 0;
  for (const c of book) {
    for (const e of c.events) {
      const delay = e.recordedAt.getTime() - e.occurredAt.getTime();
      if (delay >= DAY) late++;
      if (!e.byOwner && PRODUCT_FEED.has(e.type)) {
        feed++;
        if (delay >= DAY) feedLate++;
      }
      if (e.byOwner) {
        owner++;
        if (delay >= 12 * 3_600_000) backdated++;
      }
    }
  }
  console.log(
    `late rows (recorded ≥ 1 day after they happened): ${pct(late / events)} of all rows, ` +
      `${pct(feedLate / feed)} of API product-feed rows (login, error, feature adopted); ` +
      `CSM rows logged ≥ 12 h later: ${pct(backdated / owner)}`,
  );

  let regressions = 0;
  let customersWithRegression = 0;
  const reasons = new Map<string, number>();
  for (const c of book) {
    const back = c.milestones.filter((m) => m.from !== null && m.to < m.from);
    regressions += back.length;
    if (back.length > 0) customersWithRegression++;
    for (const m of back) reasons.set(m.reason, (reasons.get(m.reason) ?? 0) + 1);
  }
  console.log(
    `regressions: ${regressions} in ${customersWithRegression} customers — ` +
      [...reasons].map(([reason, n]) => `${reason}: ${n}`).join("; "),
  );
}

/** Stuck = the current visit to the stage (since the last change into it from outside) is over 2 × its target. */
function stuckFigures(book: DemoCustomer[]): void {
  console.log("\nstuck (current visit > 2 × target days) among active customers, per stage:");
  let worst = 0;
  for (const model of DEFAULT_MODELS) {
    const cells = model.stages.map((stage) => {
      let n = 0;
      let stuck = 0;
      const inStage = (m: number) => m >= stage.fromMilestone && m <= stage.toMilestone;
      for (const c of book) {
        if (c.churnedAt || !inStage(c.milestone)) continue;
        let start = c.milestoneAt.getTime();
        for (let i = c.milestones.length - 1; i >= 0 && inStage(c.milestones[i].to); i--) {
          start = c.milestones[i].at.getTime();
        }
        n++;
        if ((now.getTime() - start) / DAY > 2 * stage.targetDays) stuck++;
      }
      if (n > 0) worst = Math.max(worst, stuck / n);
      return `${stage.name} ${n > 0 ? pct(stuck / n) : "—"} of ${n}`;
    });
    console.log(`  ${model.name}: ${cells.join(", ")}`);
  }
  console.log(`largest stuck share in any stage: ${pct(worst)} (a minority: ${verdict(worst < 0.5)})`);
}

/** Delight: answered share per debit type, the queue now, and a naive (unmatched) 90-day churn comparison. */
function delightFigures(book: DemoCustomer[]): void {
  const horizonEnd = now.getTime() - HORIZON_DAYS * DAY;
  type Tally = { answered: number; total: number; churnA: number; nA: number; churnU: number; nU: number };
  const byType = new Map<string, Tally>();
  let queue = 0;
  let fatiguedNow = 0;
  const { risk } = DEFAULT_SETTINGS;
  for (const c of book) {
    if (!c.convertedAt) continue;
    const answered = new Set<number>();
    for (const e of c.events) if (e.answersEvent !== undefined) answered.add(e.answersEvent);
    c.events.forEach((e, i) => {
      if (!QUEUE_KINDS.has(e.type)) return;
      const entry = byType.get(e.type) ?? { answered: 0, total: 0, churnA: 0, nA: 0, churnU: 0, nU: 0 };
      byType.set(e.type, entry);
      entry.total++;
      const t = e.occurredAt.getTime();
      if (answered.has(i)) entry.answered++;
      else if (!c.churnedAt && now.getTime() - t <= 14 * DAY) queue++;
      if (t > horizonEnd) return;
      const churned = c.churnedAt !== null && c.churnedAt.getTime() <= t + HORIZON_DAYS * DAY ? 1 : 0;
      if (answered.has(i)) {
        entry.nA++;
        entry.churnA += churned;
      } else {
        entry.nU++;
        entry.churnU += churned;
      }
    });
    if (!c.churnedAt) {
      let lastInbound = 0;
      for (const e of c.events) if (e.direction === "inbound") lastInbound = e.occurredAt.getTime();
      const contacts = c.events.filter(
        (e) =>
          e.direction === "outbound" &&
          e.occurredAt.getTime() > lastInbound &&
          e.occurredAt.getTime() > now.getTime() - risk.fatigueWindowDays * DAY,
      ).length;
      if (contacts >= risk.fatigueContacts) fatiguedNow++;
    }
  }
  console.log(
    `\ndelight queue now (unanswered debits of the last 14 days, active customers): ${queue}; ` +
      `fatigued customers now: ${fatiguedNow}`,
  );
  console.log(
    "debits answered with a delight moment, and churn within 90 days of the debit, answered vs not " +
      "(naive, unmatched):",
  );
  for (const [type, e] of [...byType].sort((a, b) => b[1].total - a[1].total)) {
    const answered = `${pct(e.answered / e.total).padStart(6)} of ${String(e.total).padStart(6)}`;
    console.log(
      `  ${type.padEnd(16)} answered ${answered}; ` +
        `churn ${pct(e.churnA / Math.max(1, e.nA))} (n ${e.nA}) vs ${pct(e.churnU / Math.max(1, e.nU))} (n ${e.nU})`,
    );
  }
}

// ------------------------------------------------------------------ main

/**
 * The way the seed writer works: 100,000 customers in batches of 2,000, each batch filled to its
 * share of 5,000,000 rows and then let go. Run before anything else, on an empty heap.
 */
function timeAtScale(): void {
  const customers = 100_000;
  const batch = 2_000;
  for (let run = 1; run <= 3; run++) {
    let generating = 0;
    let filling = 0;
    let rows = 0;
    for (let start = 1; start <= customers; start += batch) {
      const t0 = performance.now();
      const customersInBatch: DemoCustomer[] = [];
      for (let i = start; i < start + batch; i++) {
        customersInBatch.push(generateDemoCustomer(demoRandom(seed, i), i, now));
      }
      const t1 = performance.now();
      const target = Math.round((5_000_000 * (start + batch - 1)) / customers) - rows;
      addUsage(customersInBatch, target, createRandom(seed + start), now);
      filling += performance.now() - t1;
      generating += t1 - t0;
      rows += customersInBatch.reduce((sum, c) => sum + c.events.length, 0);
    }
    console.log(
      `timing run ${run}: generated 100,000 customers in ${fixed(generating / 1000, 2)} s; ` +
        `addUsage to ${rows} rows in ${fixed(filling / 1000, 2)} s (batches of ${batch})`,
    );
  }
}

if (values.time) timeAtScale();

const started = performance.now();
const book = generateBook(customerCount);
console.log(`generated ${customerCount} customers in ${fixed((performance.now() - started) / 1000, 2)} s`);
bookFigures(book);
stuckFigures(book);
delightFigures(book);

// Primary: the 12 latest month starts whose 90-day horizon has fully passed; also the literal last 12 months.
const lastObserved = new Date(now.getTime() - HORIZON_DAYS * DAY);
const observed = monthStarts(lastObserved, 12);
const literal = monthStarts(now, 12);
const span = (cutoffs: Date[]) => `${day(cutoffs[0])} … ${day(cutoffs[cutoffs.length - 1])}`;
report(`12 monthly cutoffs whose 90 days have passed (${span(observed)})`, backtest(book, observed));
report(
  `12 monthly cutoffs of the last 12 months, later horizons cut short by now (${span(literal)})`,
  backtest(book, literal),
);

if (values.filler) {
  const perCustomer = Number(values.filler);
  const fillerStarted = performance.now();
  const added = addUsage(book, perCustomer * customerCount, createRandom(seed + 2), now);
  const seconds = (performance.now() - fillerStarted) / 1000;
  console.log(`\nfiller: added ${added} logins (to ${perCustomer} rows per customer) in ${fixed(seconds, 2)} s`);
  report(`with the filler, cutoffs whose 90 days have passed (${span(observed)})`, backtest(book, observed));
}
