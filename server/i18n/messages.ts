import { compileCatalog } from "@/lib/i18n/compile-catalog";
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

const compiled = new Map<string, Promise<Messages>>();

/** A language's catalog, compiled once per process (the pseudo-locale's built from English). */
export function loadMessages(locale: AppLocale | typeof PSEUDO_LOCALE): Promise<Messages> {
  let messages = compiled.get(locale);
  if (!messages) {
    messages = (
      locale === PSEUDO_LOCALE
        ? catalogs.en().then(({ default: en }) => pseudoCatalog(en))
        : catalogs[locale]().then((module) => module.default)
    ).then(compileCatalog);
    messages.catch(() => compiled.delete(locale));
    compiled.set(locale, messages);
  }
  return messages;
}
