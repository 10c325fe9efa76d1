import { z } from "zod";
import { isAppLocale, PSEUDO_LOCALE, THEMES } from "@/lib/i18n/locales";
import { isCurrency, isTimeZone } from "@/lib/i18n/zones";
import { fails } from "./messages";

/** "" means "not chosen": the browser's language, the book's time zone. */
const optional = (value: unknown) => (value === "" || value === undefined ? null : value);

export const accountPreferencesSchema = z.object({
  locale: z.preprocess(
    optional,
    z
      .string()
      .refine((value) => isAppLocale(value) || value === PSEUDO_LOCALE, fails("preferences.languageFromList"))
      .nullable(),
  ),
  timeZone: z.preprocess(optional, z.string().refine(isTimeZone, fails("field.timeZoneFromList")).nullable()),
  theme: z.enum(THEMES, fails("preferences.theme")),
});

export const bookSettingsSchema = z.object({
  currency: z.string().refine(isCurrency, fails("preferences.currencyFromList")),
  timeZone: z.string().refine(isTimeZone, fails("field.timeZoneFromList")),
});
