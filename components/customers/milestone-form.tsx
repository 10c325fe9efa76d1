"use client";

import { useTranslations } from "next-intl";
import { setMilestoneAction } from "@/server/journey/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { milestoneLabel } from "@/lib/i18n/labels";
import { MILESTONES } from "@/lib/journey/models";

/** Sets the milestone by hand, forwards or backwards, with a reason for the history. */
export function MilestoneForm({ customerId, milestone }: { customerId: number; milestone: number }) {
  const t = useTranslations("customers.milestoneForm");
  const tl = useTranslations("labels");
  const { state, pending, onSubmit } = useActionForm(setMilestoneAction);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} aria-label={t("label")} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="min-w-48">
        <SelectField
          name="milestone"
          id="set-milestone"
          label={t("milestone")}
          defaultValue={String(milestone)}
          errors={errors.milestone}
        >
          {MILESTONES.map((m) => (
            <option key={m.number} value={m.number}>
              {m.number} · {milestoneLabel(tl, m.number)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="min-w-64 flex-1">
        <TextField
          name="reason"
          id="milestone-reason"
          label={t("reason")}
          maxLength={300}
          placeholder={t("reasonPlaceholder")}
          errors={errors.reason}
        />
      </div>
      <div className="mb-5 flex items-center gap-2">
        <SubmitButton variant="secondary" pending={pending} pendingText={t("moving")}>
          {t("submit")}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
