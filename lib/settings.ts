import { z } from "zod";

/** Team-wide tunables with their defaults (PRODUCT.md); stored per key in the settings table. */
export const settingsSchema = {
  ledger: z.object({
    creditHalfLifeDays: z.number().positive().max(3650),
    debtHalfLifeDays: z.number().positive().max(3650),
  }),
  risk: z.object({
    silenceDays: z.number().int().min(1).max(365),
    fatigueContacts: z.number().int().min(1).max(50),
    fatigueWindowDays: z.number().int().min(1).max(365),
  }),
  delight: z.object({
    queueDays: z.number().int().min(1).max(365),
    defaultWeight: z.number().positive().max(100),
  }),
} as const;

export type SettingsKey = keyof typeof settingsSchema;
export type Settings = { [K in SettingsKey]: z.infer<(typeof settingsSchema)[K]> };

export const DEFAULT_SETTINGS: Settings = {
  ledger: { creditHalfLifeDays: 30, debtHalfLifeDays: 90 },
  risk: { silenceDays: 14, fatigueContacts: 3, fatigueWindowDays: 21 },
  delight: { queueDays: 14, defaultWeight: 3 },
};
