import { z } from "zod";
import { DISPLAY_TIME_ZONE } from "./dates";
import { isCurrency, isTimeZone } from "./i18n/zones";

/** Team-wide tunables with their defaults (PRODUCT.md); stored per key in the settings table. */
export const settingsSchema = {
  // Half-lives of at least 7 days keep the accumulators (2^(days since 2025 / h)) finite until 2044.
  ledger: z.object({
    creditHalfLifeDays: z.number().min(7).max(3650),
    debtHalfLifeDays: z.number().min(7).max(3650),
  }),
  risk: z.object({
    silenceDays: z.number().int().min(1).max(365),
    fatigueContacts: z.number().int().min(1).max(50),
    fatigueWindowDays: z.number().int().min(1).max(365),
    debtWeight: z.number().min(0).max(100),
    trendWeight: z.number().min(0).max(100),
    silenceWeight: z.number().min(0).max(100),
    fatigueWeight: z.number().min(0).max(100),
    /** From this risk score on, a customer counts as at risk (overview, MRR at risk). */
    atRiskScore: z.number().min(0).max(1000),
    /** MRR from which the suggested next step is an executive call. */
    executiveMrrCents: z.number().int().min(0),
  }),
  // A delight moment's default credit is the weight of its interaction type (Settings → Scoring).
  delight: z.object({
    queueDays: z.number().int().min(1).max(365),
  }),
  advocacy: z.object({
    /** Asks per quarter an advocate takes before reference fatigue. */
    askCapacity: z.number().int().min(1).max(50),
    /** Balance from which a retained or expanded customer without a role is a candidate. */
    candidateBalance: z.number().min(0).max(100),
  }),
  outreach: z.object({
    /** Days that must pass between two emails Hourglass sends one customer. */
    quietDays: z.number().int().min(0).max(365),
  }),
  /** The book's money and clock: amounts are stored in the currency's minor units. */
  book: z.object({
    currency: z.string().refine(isCurrency, "Choose a currency from the list."),
    timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
  }),
  security: z.object({
    /** Admins must turn on two-factor sign-in before they can use Hourglass. */
    requireAdminTwoFactor: z.boolean(),
  }),
} as const;

export type SettingsKey = keyof typeof settingsSchema;
export type Settings = { [K in SettingsKey]: z.infer<(typeof settingsSchema)[K]> };

export const DEFAULT_SETTINGS: Settings = {
  ledger: { creditHalfLifeDays: 30, debtHalfLifeDays: 90 },
  risk: {
    silenceDays: 14,
    fatigueContacts: 3,
    fatigueWindowDays: 21,
    debtWeight: 1,
    trendWeight: 0.5,
    silenceWeight: 1,
    fatigueWeight: 2,
    atRiskScore: 3,
    executiveMrrCents: 200_000,
  },
  delight: { queueDays: 14 },
  advocacy: { askCapacity: 2, candidateBalance: 2 },
  outreach: { quietDays: 7 },
  book: { currency: "USD", timeZone: DISPLAY_TIME_ZONE },
  security: { requireAdminTwoFactor: false },
};
