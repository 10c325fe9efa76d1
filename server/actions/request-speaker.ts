import "server-only";
import type { Speaker } from "@/lib/error-messages";
import { requestPreferences } from "@/server/i18n/preferences";
import { speakerFor } from "./speaker";

/**
 * This request's language and time zone (the member's choice, else the browser's), for what is
 * said outside executeAction: sign-in, accepting an invitation, the CSV import.
 */
export async function requestSpeaker(): Promise<Speaker> {
  const { locale, timeZone } = await requestPreferences();
  return speakerFor(locale, timeZone);
}
