export const PLANS = ["starter", "growth", "enterprise"] as const;
export type Plan = (typeof PLANS)[number];

export const PLAN_LABELS: Record<Plan, string> = { starter: "Starter", growth: "Growth", enterprise: "Enterprise" };
