"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { logCommunityActivityAction } from "@/server/advocacy/actions";
import { withOccurredAt } from "@/components/timeline/interaction-fields";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { COMMUNITY_ACTIVITY_KINDS } from "@/lib/advocacy";

const FIRST_KIND = "answered_questions";

export function ActivityForm({ customerId }: { customerId: number }) {
  const t = useTranslations("advocates.activityForm");
  const tl = useTranslations("labels");
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
    <form onSubmit={onSubmit} aria-label={t("aria")} className="space-y-1" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          id="activity-kind"
          label={t("kind")}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          errors={errors.kind}
        >
          {COMMUNITY_ACTIVITY_KINDS.map((value) => (
            <option key={value} value={value}>
              {tl(`communityKinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="occurredAtLocal"
          id="activity-when"
          label={t("when")}
          type="datetime-local"
          hint={t("whenHint")}
          errors={errors.occurredAt}
        />
      </div>
      {kind === "referred_customer" ? (
        <div className="grid gap-x-4 rounded-md bg-slate-50 p-3 sm:grid-cols-2">
          <TextField
            name="referredName"
            id="activity-referred-name"
            label={t("referredName")}
            errors={errors.referredName}
            hint={t("referredNameHint")}
          />
          <TextField
            name="referredEmail"
            id="activity-referred-email"
            label={t("referredEmail")}
            type="email"
            errors={errors.referredEmail}
            hint={t("referredEmailHint")}
          />
        </div>
      ) : null}
      <TextField name="note" id="activity-note" label={t("note")} maxLength={500} errors={errors.note} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingText={t("saving")}>
          {t("submit")}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
