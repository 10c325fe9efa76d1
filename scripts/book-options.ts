import { isCurrency, isTimeZone } from "@/lib/i18n/zones";
import { UsageError } from "./run-script";

/** `--currency EUR --time-zone Europe/Berlin`: the demo book's currency and time zone (Settings → Book). */
export const BOOK_OPTIONS = {
  currency: { type: "string", default: "USD" },
  "time-zone": { type: "string", default: "UTC" },
} as const;

export function bookFromOptions(values: { currency: string; "time-zone": string }) {
  const book = { currency: values.currency.toUpperCase(), timeZone: values["time-zone"] };
  if (!isCurrency(book.currency)) throw new UsageError("--currency must be an ISO 4217 code such as EUR, TRY or CNY.");
  if (!isTimeZone(book.timeZone)) throw new UsageError("--time-zone must be an IANA zone such as Europe/Berlin.");
  return book;
}
