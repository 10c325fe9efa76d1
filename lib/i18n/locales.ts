/** The languages Hourglass speaks, each named in itself for the picker. */
export const LOCALES = ["en", "de", "tr", "zh-CN"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/**
 * A test language: every English string made longer and accented ("[Ŕîšķ ļîšţ ·····]"), so a page
 * shows at a glance where text is not from a catalog or where longer words overflow. Offered only
 * where HOURGLASS_PSEUDO_LOCALE=on.
 */
export const PSEUDO_LOCALE = "en-XA";

export const LOCALE_NAMES: Record<AppLocale, string> = {
  en: "English",
  de: "Deutsch",
  tr: "Türkçe",
  "zh-CN": "简体中文",
};

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** A member's own choices; null: the browser's language, the book's time zone. */
export type MemberPreferences = { locale: string | null; timeZone: string | null; theme: Theme };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for an `Accept-Language` header: "de-AT,de;q=0.9" → "de"; none fits → English. */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale {
  const wanted = (header ?? "")
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), weight: q ? Number(q.slice(2)) : 1, order };
    })
    .filter(({ tag, weight }) => tag && tag !== "*" && Number.isFinite(weight) && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of wanted) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split("-")[0];
    // Chinese in any script or region is offered in Simplified Chinese, the one we have.
    const sameLanguage = LOCALES.find((locale) => locale.split("-")[0].toLowerCase() === language);
    if (sameLanguage) return sameLanguage;
  }
  return DEFAULT_LOCALE;
}
