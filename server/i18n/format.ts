import "server-only";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { createFormat, type Format } from "@/lib/format";

/** The request's formatter for async server components and pages; components use `useFormat()`. */
export async function getFormat(): Promise<Format> {
  const [locale, timeZone, t] = await Promise.all([getLocale(), getTimeZone(), getTranslations("format")]);
  return createFormat({ locale, timeZone, currency: t("currency"), never: t("never") });
}
