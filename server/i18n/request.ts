import { getRequestConfig } from "next-intl/server";
import { missingMessage } from "@/lib/i18n/missing";
import { loadMessages } from "./messages";
import { requestPreferences } from "./preferences";

/** next-intl's per-request configuration (wired in next.config.js). */
export default getRequestConfig(async () => {
  const { locale, timeZone, currency } = await requestPreferences();
  const messages = await loadMessages(locale);
  return {
    locale,
    timeZone,
    // The book's currency travels with the messages so `useFormat` reads it on server and client alike.
    messages: { ...messages, format: { ...messages.format, currency } },
    getMessageFallback: missingMessage,
    onError: (error) => console.error(`[i18n] ${error.message}`),
  };
});
