"use client";

import { useState } from "react";
import { logCommunityActivityAction } from "@/server/advocacy/actions";
import { withOccurredAt } from "@/components/timeline/interaction-fields";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { COMMUNITY_KIND_LABELS } from "@/lib/advocacy";

const FIRST_KIND = "answered_questions";

export function ActivityForm({ customerId }: { customerId: number }) {
  const [kind, setKind] = useState(FIRST_KIND);
  // Logged: the form clears, so a second click cannot log the same activity twice.
  const { state, pending, onSubmit } = useActionForm(logCommunityActivityAction, {
    prepare: withOccurredAt,
    onSuccess: (form) => {
      form.reset();
      setKind(FIRST_KIND);
    },
  });
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} aria-label="Log community activity" className="space-y-1" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          id="activity-kind"
          label="What they did"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          errors={errors.kind}
        >
          {Object.entries(COMMUNITY_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          name="occurredAtLocal"
          id="activity-when"
          label="When"
          type="datetime-local"
          hint="Empty means now."
          errors={errors.occurredAt}
        />
      </div>
      {kind === "referred_customer" ? (
        <div className="grid gap-x-4 rounded-md bg-slate-50 p-3 sm:grid-cols-2">
          <TextField
            name="referredName"
            id="activity-referred-name"
            label="Referred customer's name"
            errors={errors.referredName}
            hint="New customers are added at the first milestone."
          />
          <TextField
            name="referredEmail"
            id="activity-referred-email"
            label="Their email"
            type="email"
            errors={errors.referredEmail}
            hint="An existing customer with this email is linked instead."
          />
        </div>
      ) : null}
      <TextField name="note" id="activity-note" label="Note (optional)" maxLength={500} errors={errors.note} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingText="Saving…">
          Log activity
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
