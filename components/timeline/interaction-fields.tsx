"use client";

import { SelectField, TextAreaField, TextField } from "@/components/ui/form";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/channels";
import { formatWeight } from "@/lib/format";

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
  const groups = [
    { label: "Debits (bad experiences)", items: types.filter((t) => t.weight < 0) },
    { label: "Credits (good experiences)", items: types.filter((t) => t.weight > 0) },
    { label: "Neutral", items: types.filter((t) => t.weight === 0) },
  ];
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <SelectField
        name="typeKey"
        id={`${idPrefix}typeKey`}
        label="What happened"
        defaultValue={defaults.typeKey ?? ""}
        errors={errors.typeKey}
        required
      >
        <option value="" disabled>
          Choose…
        </option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.items.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label} ({formatWeight(t.weight)})
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField
        name="occurredAtLocal"
        id={`${idPrefix}occurredAtLocal`}
        label="When"
        type="datetime-local"
        defaultValue={defaults.occurredAt}
        errors={errors.occurredAt}
        hint="Empty means now; back-dating is fine."
      />
      <SelectField
        name="channel"
        id={`${idPrefix}channel`}
        label="Channel"
        defaultValue={defaults.channel ?? "email"}
        errors={errors.channel}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="direction"
        id={`${idPrefix}direction`}
        label="Direction"
        defaultValue={defaults.direction ?? "inbound"}
        errors={errors.direction}
      >
        <option value="inbound">Inbound (from the customer)</option>
        <option value="outbound">Outbound (from us)</option>
      </SelectField>
      <div className="sm:col-span-2">
        <TextAreaField
          name="summary"
          id={`${idPrefix}summary`}
          label="Summary"
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
        label="Weight override (optional)"
        inputMode="decimal"
        placeholder="type's default"
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
