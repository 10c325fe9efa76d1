import { inEnglish, type Message, message } from "./error-messages";
import type { Settings } from "./settings";

/** The inputs a fitted version weighs: the live score's own four, in the order of its weights. */
export const MODEL_FEATURES = ["debt", "fall", "silence", "fatigue"] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

/** A fitted version's model: the log-odds of churn as a weighted sum of features, in raw units. */
export type ScoringModel = {
  features: ModelFeature[];
  intercept: number;
  /** Per one raw unit of each feature (debt points, days, …), in the order of `features`. */
  coefficients: number[];
  trainedOn: { cutoffs: string[]; horizonDays: number; rows: number; churned: number };
  validatedOn: { cutoffs: string[]; auc: number | null; topDecileLift: number | null };
};

/** Everything a score depends on: what a scoring version holds and a draft proposes. */
export type ScoringConfig = {
  kind: "hand" | "fitted";
  ledger: Settings["ledger"];
  risk: Settings["risk"];
  typeWeights: Record<string, number>;
  proxyTypes: string[];
  model: ScoringModel | null;
};

/** Interaction types that are the outcome itself: a customer asking to cancel has churned in all but name. */
export const DEFAULT_PROXY_TYPES = ["cancellation_request"];

/** The settings a version holds, by name in the "errors" catalog's done.scoring.changes.setting. */
const SETTINGS = new Set([
  "creditHalfLifeDays",
  "debtHalfLifeDays",
  "silenceDays",
  "fatigueContacts",
  "fatigueWindowDays",
  "debtWeight",
  "trendWeight",
  "silenceWeight",
  "fatigueWeight",
  "atRiskScore",
  "executiveMrrCents",
] as const);
type SettingName = typeof SETTINGS extends Set<infer K> ? K : never;
const isSetting = (key: string): key is SettingName => SETTINGS.has(key as SettingName);

/**
 * What a new version changes against the one before, as a message ("debt half-life 90 → 120;
 * complaint −3 → −4"); null when nothing changed.
 */
export function changesOf(before: ScoringConfig, after: ScoringConfig): Message | null {
  const changes: Message[] = [];
  if (before.kind !== after.kind)
    changes.push(message(after.kind === "fitted" ? "done.scoring.changes.fitted" : "done.scoring.changes.byHand"));
  for (const group of ["ledger", "risk"] as const) {
    const b = before[group] as Record<string, number>;
    const a = after[group] as Record<string, number>;
    for (const key of Object.keys(a)) {
      if (b[key] === a[key]) continue;
      const what = isSetting(key) ? message(`done.scoring.changes.setting.${key}`) : key;
      changes.push(message("done.scoring.changes.changed", { what, from: String(b[key]), to: String(a[key]) }));
    }
  }
  for (const key of Object.keys(after.typeWeights).sort()) {
    const from = before.typeWeights[key];
    const to = after.typeWeights[key];
    if (from !== to)
      changes.push(
        message("done.scoring.changes.changed", {
          what: key.replace(/_/g, " "),
          from: String(from ?? "—"),
          to: String(to),
        }),
      );
  }
  const proxies = (list: string[]) => [...list].sort().join(", ");
  if (proxies(before.proxyTypes) !== proxies(after.proxyTypes)) {
    const list = proxies(after.proxyTypes) || message("done.scoring.changes.noProxies");
    changes.push(message("done.scoring.changes.proxies", { list }));
  }
  // "a; b; c" as a; (b; c): each language joins a list its own way.
  return changes.reduceRight<Message | null>(
    (rest, first) => (rest ? message("done.scoring.changes.list", { first, rest }) : first),
    null,
  );
}

/** What a new version changes, as a message: "First version.", "No change." or the changes. */
export function changesMessage(before: ScoringConfig | null, after: ScoringConfig): Message {
  if (!before) return message("done.scoring.changes.first");
  return changesOf(before, after) ?? message("done.scoring.changes.none");
}

/** The same in English, as a version's summary keeps it ("debt half-life 90 → 120; complaint −3 → −4"). */
export function describeChanges(before: ScoringConfig | null, after: ScoringConfig): string {
  return inEnglish(changesMessage(before, after));
}
