import type { AppLocale } from "@/lib/i18n/locales";
import type en from "@/messages/en";

// Keys and languages are checked by the compiler: a `t("…")` with no English message fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale | "en-XA";
    Messages: typeof en;
  }
}
