import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { createFormat, type Format } from "@/lib/format";

/** The reader's formatter (language, time zone, the book's currency), in server and client components alike. */
export function useFormat(): Format {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const t = useTranslations("format");
  return createFormat({ locale, timeZone, currency: t("currency"), never: t("never") });
}
