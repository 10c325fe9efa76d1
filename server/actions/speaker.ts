import "server-only";
import { createSpeaker, english, type Speaker } from "@/lib/error-messages";
import type { AppLocale, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { loadMessages } from "@/server/i18n/messages";

export type ActionLocale = AppLocale | typeof PSEUDO_LOCALE;

const speakers = new Map<string, Promise<Speaker>>();

/**
 * What server actions say (lib/error-messages.ts), in a language: its "errors" catalog through
 * next-intl's `createTranslator`, dates in `timeZone`. No request needed (tests call it directly);
 * the request's language: ./request-speaker.ts.
 */
export function speakerFor(locale: ActionLocale = "en", timeZone?: string): Promise<Speaker> {
  if (locale === "en" && timeZone === undefined) return Promise.resolve(english);
  const key = `${locale}|${timeZone ?? ""}`;
  let speaker = speakers.get(key);
  if (!speaker) {
    speaker = loadMessages(locale).then((messages) =>
      createSpeaker({ locale, messages, timeZone, fallback: locale === "en" ? undefined : english }),
    );
    speaker.catch(() => speakers.delete(key));
    speakers.set(key, speaker);
  }
  return speaker;
}
