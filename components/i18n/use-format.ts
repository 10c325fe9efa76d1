import { useLocale, useMessages, useTimeZone } from "next-intl";
import { createFormat, type Format } from "@/lib/format";

/** The reader's formatter (language, time zone, the book's currency), in server and client components alike. */
export function useFormat(): Format {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  // Plain texts, read as they are: a translator per call cost every row of a list its own.
  const { format } = useMessages();
  return createFormat({ locale, timeZone, currency: format.currency, never: format.never });
}
