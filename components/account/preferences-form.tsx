"use client";

import { useTranslations } from "next-intl";
import { fieldErrors, FormMessage, SelectField, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { MemberPreferences } from "@/lib/i18n/locales";
import { saveAccountPreferencesAction } from "@/server/account/preference-actions";

export type Choice = { value: string; label: string };

export function PreferencesForm({
  current,
  languages,
  timeZones,
  bookTimeZone,
}: {
  current: MemberPreferences;
  languages: Choice[];
  timeZones: readonly string[];
  bookTimeZone: string;
}) {
  const t = useTranslations("preferences");
  const { state, pending, onSubmit } = useActionForm(saveAccountPreferencesAction);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} aria-label={t("formLabel")} className="grid gap-x-4 sm:grid-cols-3" noValidate>
      <SelectField
        name="locale"
        id="preferences-locale"
        label={t("language")}
        defaultValue={current.locale ?? ""}
        errors={errors.locale}
      >
        <option value="">{t("browserLanguage")}</option>
        {languages.map(({ value, label }) => (
          <option key={value} value={value} lang={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="timeZone"
        id="preferences-time-zone"
        label={t("timeZone")}
        defaultValue={current.timeZone ?? ""}
        errors={errors.timeZone}
      >
        <option value="">{t("bookTimeZone", { zone: bookTimeZone })}</option>
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="theme"
        id="preferences-theme"
        label={t("theme")}
        defaultValue={current.theme}
        errors={errors.theme}
      >
        <option value="system">{t("themes.system")}</option>
        <option value="light">{t("themes.light")}</option>
        <option value="dark">{t("themes.dark")}</option>
      </SelectField>
      <div className="flex items-center gap-3 sm:col-span-3">
        <SubmitButton pending={pending} pendingText={t("saving")}>
          {t("save")}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
