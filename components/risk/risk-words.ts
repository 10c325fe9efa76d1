import type { useTranslations } from "next-intl";
import type { Format } from "@/lib/format";
import { interactionTypeLabel } from "@/lib/i18n/labels";
import type { DriverFacts, NextStep } from "@/lib/risk";

/**
 * Risk drivers and suggested next steps in the reader's language, from the facts lib/risk.ts keeps.
 * `t` is the "risk" namespace's translator, `tl` the "labels" one (useTranslations or getTranslations).
 */
type RiskT = ReturnType<typeof useTranslations<"risk">>;
type LabelsT = ReturnType<typeof useTranslations<"labels">>;

/** "Complaint — export broken" for one, "160 × Support ticket today" for many (a renamed type as the team wrote it). */
export function driverText(t: RiskT, tl: LabelsT, f: Format, driver: DriverFacts): string {
  const label = interactionTypeLabel(tl, { key: driver.typeKey, label: driver.label });
  if (driver.count === 1) return driver.summary ? t("drivers.one", { label, summary: driver.summary }) : label;
  return t("drivers.many", { count: f.number(driver.count), label, period: driver.period });
}

/** A suggested next step as a sentence: "Personal check-in: silent for 30 days." */
export function stepText(t: RiskT, tl: LabelsT, f: Format, step: NextStep): string {
  switch (step.key) {
    case "sudden":
      return t("steps.sudden", { impact: f.signed(step.impact), what: driverText(t, tl, f, step.driver) });
    case "check_in":
      return t("steps.checkIn", { days: step.silentDays });
    case "pause":
      return t("steps.pause");
    case "fix":
      return t("steps.fix");
    case "executive":
      return t("steps.executive");
    case "watch":
      return t("steps.watch");
  }
}
