import { DEFAULT_SETTINGS, type Settings } from "@/lib/settings";

/**
 * The fields Settings → Scoring sends for a scoring (the defaults unless given), the delight and
 * advocacy settings at their defaults, and any extra fields (`weight.<type>`, `proxy.<type>`).
 */
export function scoringFormFields(
  { ledger, risk }: Pick<Settings, "ledger" | "risk"> = DEFAULT_SETTINGS,
  extra: Record<string, string> = {},
): Record<string, string> {
  const { delight, advocacy } = DEFAULT_SETTINGS;
  return {
    creditHalfLifeDays: String(ledger.creditHalfLifeDays),
    debtHalfLifeDays: String(ledger.debtHalfLifeDays),
    silenceDays: String(risk.silenceDays),
    fatigueContacts: String(risk.fatigueContacts),
    fatigueWindowDays: String(risk.fatigueWindowDays),
    debtWeight: String(risk.debtWeight),
    trendWeight: String(risk.trendWeight),
    silenceWeight: String(risk.silenceWeight),
    fatigueWeight: String(risk.fatigueWeight),
    atRiskScore: String(risk.atRiskScore),
    executiveMrr: String(risk.executiveMrrCents / 100),
    queueDays: String(delight.queueDays),
    askCapacity: String(advocacy.askCapacity),
    candidateBalance: String(advocacy.candidateBalance),
    ...extra,
  };
}
