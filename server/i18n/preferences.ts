import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/db";
import {
  type AppLocale,
  DEFAULT_LOCALE,
  isAppLocale,
  localeFromAcceptLanguage,
  PSEUDO_LOCALE,
  type Theme,
} from "@/lib/i18n/locales";
import { isTimeZone } from "@/lib/i18n/zones";
import { currentMember } from "@/server/auth/session";
import { getSettings } from "@/server/settings/queries";
import { pseudoLocaleOffered } from "./pseudo-offered";

export type RequestPreferences = {
  locale: AppLocale | typeof PSEUDO_LOCALE;
  timeZone: string;
  currency: string;
  theme: Theme;
};

/**
 * This request's language, time zone, currency and theme: the member's own choices, else the
 * browser's language and the book's time zone. Read once per request.
 */
export const requestPreferences = cache(async (): Promise<RequestPreferences> => {
  const [member, { book }] = await Promise.all([
    currentMember().catch(() => null),
    getSettings(db, ["book"]).catch(() => ({ book: { currency: "USD", timeZone: "UTC" } })),
  ]);
  const chosen = member?.preferences.locale;
  const locale =
    chosen && (isAppLocale(chosen) || (chosen === PSEUDO_LOCALE && pseudoLocaleOffered()))
      ? chosen
      : localeFromAcceptLanguage((await headers()).get("accept-language"));
  const timeZone = member?.preferences.timeZone;
  return {
    locale: locale ?? DEFAULT_LOCALE,
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : book.timeZone,
    currency: book.currency,
    theme: member?.preferences.theme ?? "system",
  };
});
