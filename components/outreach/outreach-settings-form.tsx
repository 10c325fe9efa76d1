"use client";

import { saveOutreachSettingsAction } from "@/server/outreach/actions";
import { FormMessage, fieldErrors, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { useTranslations } from "next-intl";

export function OutreachSettingsForm({ quietDays }: { quietDays: number }) {
  const t = useTranslations("outreach.settings");
  const form = useActionForm(saveOutreachSettingsAction);
  return (
    <form onSubmit={form.onSubmit} aria-label={t("label")} className="flex flex-wrap items-end gap-3">
      <div className="w-64">
        <TextField
          id="quiet-days"
          name="quietDays"
          type="number"
          min={0}
          max={365}
          label={t("quietDays")}
          defaultValue={quietDays}
          errors={fieldErrors(form.state).quietDays}
        />
      </div>
      <div className="mb-5 flex items-center gap-3">
        <SubmitButton variant="secondary" pending={form.pending} pendingText={t("saving")}>
          {t("save")}
        </SubmitButton>
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}
