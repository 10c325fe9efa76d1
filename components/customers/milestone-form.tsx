"use client";

import { setMilestoneAction } from "@/server/journey/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { MILESTONES } from "@/lib/journey/models";

/** Sets the milestone by hand, forwards or backwards, with a reason for the history. */
export function MilestoneForm({ customerId, milestone }: { customerId: number; milestone: number }) {
  const { state, pending, onSubmit } = useActionForm(setMilestoneAction);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} aria-label="Set milestone" className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="min-w-48">
        <SelectField
          name="milestone"
          id="set-milestone"
          label="Milestone"
          defaultValue={String(milestone)}
          errors={errors.milestone}
        >
          {MILESTONES.map((m) => (
            <option key={m.number} value={m.number}>
              {m.number} · {m.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="min-w-64 flex-1">
        <TextField
          name="reason"
          id="milestone-reason"
          label="Reason"
          maxLength={300}
          placeholder="e.g. signed the contract on a call"
          errors={errors.reason}
        />
      </div>
      <div className="mb-5 flex items-center gap-2">
        <SubmitButton variant="secondary" pending={pending} pendingText="Moving…">
          Set milestone
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
