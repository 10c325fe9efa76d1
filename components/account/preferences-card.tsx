import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { LOCALE_NAMES, LOCALES, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { TIME_ZONES } from "@/lib/i18n/zones";
import { readDb } from "@/server/reads/read-db";
import { currentMember } from "@/server/auth/session";
import { pseudoLocaleOffered } from "@/server/i18n/pseudo-offered";
import { getSettings } from "@/server/settings/queries";
import { type Choice, PreferencesForm } from "./preferences-form";

/** Settings → Account: the member's language, time zone and light or dark. */
export async function PreferencesCard() {
  const [t, member, { book }] = await Promise.all([
    getTranslations("preferences"),
    currentMember(),
    readDb().then((db) => getSettings(db, ["book"])),
  ]);
  if (!member) return null;
  const languages: Choice[] = LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }));
  // A zone saved under another name (Asia/Calcutta, Etc/GMT-5) stays selectable.
  const zone = member.preferences.timeZone;
  if (pseudoLocaleOffered()) languages.push({ value: PSEUDO_LOCALE, label: t("pseudoLanguage") });
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <PreferencesForm
        current={member.preferences}
        languages={languages}
        timeZones={zone && !TIME_ZONES.includes(zone) ? [zone, ...TIME_ZONES] : TIME_ZONES}
        bookTimeZone={book.timeZone}
      />
    </Card>
  );
}
