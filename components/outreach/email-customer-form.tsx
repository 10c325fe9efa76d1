"use client";

import { sendOutreachAction } from "@/server/outreach/actions";
import { FormMessage, fieldErrors, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

const DEFAULT_SUBJECT = "How are things going, {{customer}}?";
const DEFAULT_BODY =
  "Hi {{customer}},\n\nit has been a while since we last heard from you. Is there anything we can help with?\n\nBest,\n{{owner}}";

/** Write to the customer from a template; the server checks the never-over-contact rule again before sending. */
export function EmailCustomerForm({ customerId, refusal }: { customerId: number; refusal: string | null }) {
  const form = useActionForm(sendOutreachAction);
  const errors = fieldErrors(form.state);
  return (
    <form onSubmit={form.onSubmit} aria-label="Email the customer" className="space-y-2">
      <input type="hidden" name="customerId" value={customerId} />
      {refusal ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="outreach-refusal">
          {refusal}
        </p>
      ) : null}
      <TextField
        id="outreach-subject"
        name="subject"
        label="Subject"
        defaultValue={DEFAULT_SUBJECT}
        maxLength={200}
        errors={errors.subject}
      />
      <TextAreaField
        id="outreach-body"
        name="body"
        label="Message"
        rows={6}
        defaultValue={DEFAULT_BODY}
        hint="Merge fields: {{customer}}, {{company}}, {{owner}}, {{days_silent}}."
        errors={errors.body}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={form.pending} pendingText="Sending…">
          Send email
        </SubmitButton>
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}
