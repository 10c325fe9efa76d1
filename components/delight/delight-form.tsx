"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { logDelightMomentAction } from "@/server/delight/actions";
import { withOccurredAt } from "@/components/timeline/interaction-fields";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/channels";

type Debit = { id: number; text: string; channel: string };

type Props = {
  customerId: number;
  customerName: string;
  /** The debit this moment answers, when the form was opened from the queue. */
  prompt?: Debit;
  /** Opened from the customer's page: the customer's open debits, one of which it may answer. */
  openDebits?: (Debit & { label: string })[];
  defaultWeight: number;
  /** Where to go after saving or cancelling (the queue with its search, or the customer's page). */
  returnTo: string;
};

export function DelightForm({ customerId, customerName, prompt, openDebits = [], defaultWeight, returnTo }: Props) {
  const { state, pending, onSubmit } = useActionForm(logDelightMomentAction, { prepare: withOccurredAt });
  const errors = fieldErrors(state);
  const [answering, setAnswering] = useState<Debit | undefined>(prompt);
  const [promptText, setPromptText] = useState(prompt?.text ?? "");
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Log a delight moment"
      className="max-w-2xl space-y-1 rounded-lg border border-slate-200 bg-white p-5"
      noValidate
    >
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {prompt ? <input type="hidden" name="promptInteractionId" value={prompt.id} /> : null}
      {!prompt && openDebits.length > 0 ? (
        <SelectField
          name="promptInteractionId"
          id="answers"
          label="Answers (optional)"
          hint="One of this customer's open debits: it leaves the delight queue."
          defaultValue=""
          onChange={(event) => {
            const chosen = openDebits.find((debit) => String(debit.id) === event.target.value);
            setAnswering(chosen);
            if (chosen) setPromptText(chosen.text);
          }}
          errors={errors.promptInteractionId}
        >
          <option value="">No particular debit</option>
          {openDebits.map((debit) => (
            <option key={debit.id} value={debit.id}>
              {debit.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      <p className="mb-3 text-sm text-slate-600">
        For <strong>{customerName}</strong>. &ldquo;Do things you don&apos;t have to do.&rdquo;
      </p>
      <TextAreaField
        name="prompt"
        label="What prompted it"
        rows={2}
        value={promptText}
        onChange={(event) => setPromptText(event.target.value)}
        errors={errors.prompt ?? (openDebits.length > 0 && !prompt ? undefined : errors.promptInteractionId)}
      />
      <TextAreaField
        name="gesture"
        label="The gesture"
        rows={2}
        placeholder="e.g. a handwritten note and the fix shipped the same day"
        errors={errors.gesture}
      />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <SelectField
          key={answering?.id ?? "none"}
          name="channel"
          label="Channel"
          defaultValue={
            answering && (CHANNELS as readonly string[]).includes(answering.channel) ? answering.channel : "email"
          }
          errors={errors.channel}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <TextField name="cost" label="Cost (USD)" inputMode="decimal" placeholder="0" errors={errors.cost} />
        <TextField
          name="weight"
          label="Credit"
          inputMode="decimal"
          placeholder={`default +${defaultWeight}`}
          errors={errors.weight}
        />
      </div>
      <TextField
        name="occurredAtLocal"
        label="When"
        type="datetime-local"
        hint="Empty means now."
        errors={errors.occurredAt}
      />
      <TextAreaField
        name="outcome"
        label="Outcome (optional)"
        rows={2}
        placeholder="What happened next?"
        errors={errors.outcome}
      />
      <fieldset className="mb-4 flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-slate-700">Follow-ups</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="postedPublicly" /> Posted about it publicly
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="renewed" /> Renewed
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="becameAdvocate" /> Became an advocate
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingText="Saving…">
          Log delight moment
        </SubmitButton>
        <Link href={returnTo} className="text-sm font-medium text-slate-700 underline">
          Cancel
        </Link>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
