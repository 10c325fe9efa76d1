import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CURRENCIES, TIME_ZONES } from "@/lib/i18n/zones";
import { can } from "@/lib/permissions";
import { currentMember } from "@/server/auth/session";
import { readDb } from "@/server/reads/read-db";
import { getSettings } from "@/server/settings/queries";
import { BookSettingsForm } from "./book-settings-form";

/** Settings: the book's currency and the time zone members see unless they chose their own. */
export async function BookSettingsCard() {
  const [t, locale, member, { book }] = await Promise.all([
    getTranslations("preferences.book"),
    getLocale(),
    currentMember(),
    readDb().then((db) => getSettings(db, ["book"])),
  ]);
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      {member && can(member.role, "settings.manage") ? (
        <BookSettingsForm
          current={book}
          currencies={CURRENCIES.map((code) => ({ code, name: names.of(code) ?? code }))}
          timeZones={TIME_ZONES}
        />
      ) : (
        <p className="text-sm text-slate-900" data-testid="book-settings">
          {t("readOnly", {
            currency: `${book.currency} · ${names.of(book.currency) ?? book.currency}`,
            zone: book.timeZone,
          })}
        </p>
      )}
    </Card>
  );
}
