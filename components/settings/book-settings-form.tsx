"use client";

import { useTranslations } from "next-intl";
import { fieldErrors, FormMessage, SelectField, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveBookSettingsAction } from "@/server/account/preference-actions";

export function BookSettingsForm({
  current,
  currencies,
  timeZones,
}: {
  current: { currency: string; timeZone: string };
  currencies: { code: string; name: string }[];
  timeZones: readonly string[];
}) {
  const t = useTranslations("preferences.book");
  const { state, pending, onSubmit } = useActionForm(saveBookSettingsAction);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} aria-label={t("formLabel")} className="grid gap-x-4 sm:grid-cols-2" noValidate>
      <SelectField
        name="currency"
        id="book-currency"
        label={t("currency")}
        hint={t("currencyHint")}
        defaultValue={current.currency}
        errors={errors.currency}
      >
        {currencies.map(({ code, name }) => (
          <option key={code} value={code}>
            {code} · {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="timeZone"
        id="book-time-zone"
        label={t("timeZone")}
        hint={t("timeZoneHint")}
        defaultValue={current.timeZone}
        errors={errors.timeZone}
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending} pendingText={t("saving")}>
          {t("save")}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
