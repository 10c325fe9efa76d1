"use client";

import { saveOutreachSettingsAction } from "@/server/outreach/actions";
import { FormMessage, fieldErrors, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

export function OutreachSettingsForm({ quietDays }: { quietDays: number }) {
  const form = useActionForm(saveOutreachSettingsAction);
  return (
    <form onSubmit={form.onSubmit} aria-label="Outreach rules" className="flex flex-wrap items-end gap-3">
      <div className="w-64">
        <TextField
          id="quiet-days"
          name="quietDays"
          type="number"
          min={0}
          max={365}
          label="Days between two emails to a customer"
          defaultValue={quietDays}
          errors={fieldErrors(form.state).quietDays}
        />
      </div>
      <div className="mb-5 flex items-center gap-3">
        <SubmitButton variant="secondary" pending={form.pending} pendingText="Saving…">
          Save
        </SubmitButton>
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}
