"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { SelectField, TextAreaField, TextField } from "@/components/ui/form";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import { CHANNELS } from "@/lib/channels";
import { interactionTypeLabel } from "@/lib/i18n/labels";

export type InteractionDefaults = {
  typeKey?: string;
  occurredAt?: string;
  channel?: string;
  direction?: string;
  summary?: string;
  weight?: string;
};

/** The fields shared by logging and editing an interaction. */
export function InteractionFields({
  types,
  errors,
  defaults = {},
  idPrefix = "",
}: {
  types: InteractionTypeOption[];
  errors: Record<string, string[] | undefined>;
  defaults?: InteractionDefaults;
  idPrefix?: string;
}) {
  const t = useTranslations("timeline.fields");
  const tl = useTranslations("labels");
  const f = useFormat();
  const groups = [
    { label: t("debits"), items: types.filter((type) => type.weight < 0) },
    { label: t("credits"), items: types.filter((type) => type.weight > 0) },
    { label: t("neutral"), items: types.filter((type) => type.weight === 0) },
  ];
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <SelectField
        name="typeKey"
        id={`${idPrefix}typeKey`}
        label={t("whatHappened")}
        defaultValue={defaults.typeKey ?? ""}
        errors={errors.typeKey}
        required
      >
        <option value="" disabled>
          {t("choose")}
        </option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.items.map((type) => (
              <option key={type.key} value={type.key}>
                {interactionTypeLabel(tl, type)} ({f.weight(type.weight)})
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField
        name="occurredAtLocal"
        id={`${idPrefix}occurredAtLocal`}
        label={t("when")}
        type="datetime-local"
        defaultValue={defaults.occurredAt}
        errors={errors.occurredAt}
        hint={t("whenHint")}
      />
      <SelectField
        name="channel"
        id={`${idPrefix}channel`}
        label={t("channel")}
        defaultValue={defaults.channel ?? "email"}
        errors={errors.channel}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {tl(`channels.${c}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="direction"
        id={`${idPrefix}direction`}
        label={t("direction")}
        defaultValue={defaults.direction ?? "inbound"}
        errors={errors.direction}
      >
        <option value="inbound">{t("inbound")}</option>
        <option value="outbound">{t("outbound")}</option>
      </SelectField>
      <div className="sm:col-span-2">
        <TextAreaField
          name="summary"
          id={`${idPrefix}summary`}
          label={t("summary")}
          rows={2}
          maxLength={500}
          defaultValue={defaults.summary}
          errors={errors.summary}
          required
        />
      </div>
      <TextField
        name="weight"
        id={`${idPrefix}weight`}
        label={t("weight")}
        inputMode="decimal"
        placeholder={t("weightPlaceholder")}
        defaultValue={defaults.weight}
        errors={errors.weight}
      />
    </div>
  );
}

/**
 * datetime-local holds the browser's local time: send the instant it means, or now when empty. A
 * field holding something that is no date (30 February, a half-typed time) also reads as empty, so
 * it is sent as typed-but-invalid and refused at the field, never taken as now.
 */
export function withOccurredAt(formData: FormData, form?: HTMLFormElement): FormData {
  const field = form?.elements.namedItem("occurredAtLocal");
  if (field instanceof HTMLInputElement && field.validity.badInput) {
    formData.set("occurredAt", "not a real date");
    formData.delete("occurredAtLocal");
    return formData;
  }
  const local = String(formData.get("occurredAtLocal") ?? "");
  const at = local ? new Date(local) : new Date();
  formData.set("occurredAt", Number.isNaN(at.getTime()) ? local : at.toISOString());
  formData.delete("occurredAtLocal");
  return formData;
}
