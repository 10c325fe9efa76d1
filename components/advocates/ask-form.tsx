"use client";

import { logAskAction, setAskCapacityAction } from "@/server/advocacy/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { ASK_KIND_LABELS, ASK_OUTCOME_LABELS } from "@/lib/advocacy";

/** Logs an ask; warns before one that would go over the advocate's capacity this quarter. */
export function AskForm({ customerId, used, capacity }: { customerId: number; used: number; capacity: number }) {
  const ask = useActionForm(logAskAction);
  const cap = useActionForm(setAskCapacityAction);
  const errors = fieldErrors(ask.state);
  const full = used >= capacity;
  return (
    <div className="space-y-4">
      <form onSubmit={ask.onSubmit} aria-label="Log an ask" className="space-y-1" noValidate>
        <input type="hidden" name="customerId" value={customerId} />
        <p
          className={`mb-2 text-sm ${full ? "font-medium text-amber-800" : "text-slate-600"}`}
          role={full ? "alert" : undefined}
        >
          {used} of {capacity} asks used this quarter.
          {full ? " Another ask now goes past their capacity: advocates get tired of being asked." : ""}
        </p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField name="kind" id="ask-kind" label="Ask for" defaultValue="reference_call" errors={errors.kind}>
            {Object.entries(ASK_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField name="outcome" label="Outcome" defaultValue="pending" errors={errors.outcome}>
            {Object.entries(ASK_OUTCOME_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField name="note" id="ask-note" label="Note (optional)" maxLength={500} errors={errors.note} />
        {full ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="askAnyway" /> Ask anyway
          </label>
        ) : null}
        {errors.askAnyway ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.askAnyway[0]}
          </p>
        ) : null}
        <div className="flex items-center gap-3 pt-2">
          <SubmitButton pending={ask.pending} pendingText="Saving…">
            Log ask
          </SubmitButton>
          <FormMessage state={ask.state} />
        </div>
      </form>
      <form onSubmit={cap.onSubmit} aria-label="Ask capacity" className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="customerId" value={customerId} />
        <div className="w-48">
          <TextField
            name="capacity"
            label="Capacity (asks a quarter)"
            inputMode="numeric"
            defaultValue={String(capacity)}
            errors={fieldErrors(cap.state).capacity}
          />
        </div>
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="secondary" pending={cap.pending} pendingText="Saving…">
            Set capacity
          </SubmitButton>
          <FormMessage state={cap.state} />
        </div>
      </form>
    </div>
  );
}
