import { type AppLocale, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { pseudoCatalog } from "@/lib/i18n/pseudo";
import type en from "@/messages/en";

export type Messages = typeof en;

// Every catalog has English's keys: messages/catalogs.test.ts checks it.
const catalogs = {
  en: () => import("@/messages/en"),
  de: () => import("@/messages/de"),
  tr: () => import("@/messages/tr"),
  "zh-CN": () => import("@/messages/zh-CN"),
} as Record<AppLocale, () => Promise<{ default: Messages }>>;

let pseudo: Messages | undefined;

/** A language's catalog (the pseudo-locale's built from English once). */
export async function loadMessages(locale: AppLocale | typeof PSEUDO_LOCALE): Promise<Messages> {
  if (locale !== PSEUDO_LOCALE) return (await catalogs[locale]()).default;
  pseudo ??= pseudoCatalog((await catalogs.en()).default);
  return pseudo;
}
