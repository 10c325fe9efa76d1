"use client";

import { sendOutreachAction } from "@/server/outreach/actions";
import { FormMessage, fieldErrors, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { MERGE_FIELD_NAMES } from "@/lib/playbooks";
import { useTranslations } from "next-intl";

// The template's merge fields stay as they are in every language: the server fills them in.
const FIELDS = { customer: "{{customer}}", owner: "{{owner}}" };

/** Write to the customer from a template; the server checks the never-over-contact rule again before sending. */
export function EmailCustomerForm({ customerId, refusal }: { customerId: number; refusal: string | null }) {
  const t = useTranslations("outreach.form");
  const form = useActionForm(sendOutreachAction);
  const errors = fieldErrors(form.state);
  return (
    <form onSubmit={form.onSubmit} aria-label={t("label")} className="space-y-2">
      <input type="hidden" name="customerId" value={customerId} />
      {refusal ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="outreach-refusal">
          {refusal}
        </p>
      ) : null}
      <TextField
        id="outreach-subject"
        name="subject"
        label={t("subject")}
        defaultValue={t("defaultSubject", FIELDS)}
        maxLength={200}
        errors={errors.subject}
      />
      <TextAreaField
        id="outreach-body"
        name="body"
        label={t("message")}
        rows={6}
        defaultValue={t("defaultBody", FIELDS)}
        hint={t("mergeFields", { fields: MERGE_FIELD_NAMES.map((name) => `{{${name}}}`).join(", ") })}
        errors={errors.body}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={form.pending} pendingText={t("sending")}>
          {t("send")}
        </SubmitButton>
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}
