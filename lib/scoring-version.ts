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

const LABELS: Record<string, string> = {
  creditHalfLifeDays: "credit half-life",
  debtHalfLifeDays: "debt half-life",
  silenceDays: "silence threshold",
  fatigueContacts: "fatigue contacts",
  fatigueWindowDays: "fatigue window",
  debtWeight: "debt weight",
  trendWeight: "trend weight",
  silenceWeight: "silence weight",
  fatigueWeight: "fatigue weight",
  atRiskScore: "at-risk threshold",
  executiveMrrCents: "executive MRR",
};

/** What a new version changes against the one before, in words ("debt half-life 90 → 120; complaint −3 → −4"). */
export function describeChanges(before: ScoringConfig | null, after: ScoringConfig): string {
  if (!before) return "First version.";
  const changes: string[] = [];
  if (before.kind !== after.kind)
    changes.push(after.kind === "fitted" ? "fitted to the book's history" : "set by hand");
  for (const group of ["ledger", "risk"] as const) {
    const b = before[group] as Record<string, number>;
    const a = after[group] as Record<string, number>;
    for (const key of Object.keys(a)) {
      if (b[key] !== a[key]) changes.push(`${LABELS[key] ?? key} ${b[key]} → ${a[key]}`);
    }
  }
  for (const key of Object.keys(after.typeWeights).sort()) {
    const from = before.typeWeights[key];
    const to = after.typeWeights[key];
    if (from !== to) changes.push(`${key.replace(/_/g, " ")} ${from ?? "—"} → ${to}`);
  }
  const proxies = (list: string[]) => [...list].sort().join(", ") || "none";
  if (proxies(before.proxyTypes) !== proxies(after.proxyTypes)) {
    changes.push(`outcome proxies: ${proxies(after.proxyTypes)}`);
  }
  return changes.length > 0 ? changes.join("; ") : "No change.";
}
