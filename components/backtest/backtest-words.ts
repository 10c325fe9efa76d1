import type { useTranslations } from "next-intl";
import type { Format } from "@/lib/format";
import type { ScoringConfig } from "@/lib/scoring-version";

/**
 * A backtest's words in the reader's language: the scores' names and a fitted version's
 * coefficients as sentences (the English of lib/backtest/fit.ts describeFittedModel, which the
 * scoring commands keep for their own output). `t` is the "backtest" namespace's translator.
 */
type BacktestT = ReturnType<typeof useTranslations<"backtest">>;

const BASELINES = ["mrr", "silence", "balance", "inbound90", "tenure", "random"] as const;
type Baseline = (typeof BASELINES)[number];
const isBaseline = (key: string): key is Baseline => (BASELINES as readonly string[]).includes(key);

/** A score's name in a table row: "Version 3", "MRR alone (lower first)"; an unknown one as the report names it. */
export function scorerName(t: BacktestT, scorer: { key: string; label: string }, versionNumber: number): string {
  if (scorer.key === "version") return t("scorers.version", { number: versionNumber });
  return isBaseline(scorer.key) ? t(`scorers.${scorer.key}`) : scorer.label;
}

/** A baseline's name inside a sentence: "days silent alone". */
export function baselineInSentence(t: BacktestT, scorer: { key: string; label: string }): string {
  return isBaseline(scorer.key) ? t(`scorersInSentence.${scorer.key}`) : scorer.label.toLowerCase();
}

/** "In this model, each point of debt adds +0.31 to the log-odds of churn (odds ×1.36), other features held equal." */
export function fittedEffects(t: BacktestT, f: Format, config: ScoringConfig): string[] {
  const model = config.model;
  if (!model) return [];
  const { silenceDays, fatigueContacts, fatigueWindowDays } = config.risk;
  return model.features.map((feature, k) => {
    const perUnit = model.coefficients[k];
    const subject = t("fitted.subject", {
      feature,
      silenceDays: f.number(silenceDays),
      fatigueContacts: f.number(fatigueContacts),
      fatigueWindowDays: f.number(fatigueWindowDays),
    });
    const size = Math.abs(perUnit);
    // Effects under 0.01 are shown to two significant digits.
    const decimals = size >= 0.01 || size === 0 ? 2 : Math.min(12, 1 - Math.floor(Math.log10(size)));
    const sentence = t("fitted.effect", {
      direction: perUnit === 0 ? "none" : perUnit > 0 ? "up" : "down",
      subject,
      size: f.decimal(size, decimals),
      odds: f.decimal(Math.exp(perUnit), decimals),
    });
    return perUnit < 0 ? t("fitted.wrongWay", { sentence }) : sentence;
  });
}
