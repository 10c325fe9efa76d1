"use client";

import { useState } from "react";
import { deletePlaybookAction, savePlaybookAction } from "@/server/playbooks/actions";
import { FormMessage, fieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { PLAYBOOK_TRIGGERS, type PlaybookTrigger, TRIGGER_LABELS } from "@/lib/playbooks";
import { PRIORITY_LABELS, TASK_PRIORITIES, type TaskPriority } from "@/lib/tasks";

export type PlaybookValues = {
  id?: number;
  name: string;
  active: boolean;
  trigger: PlaybookTrigger;
  triggerTypeKey: string | null;
  triggerDays: number | null;
  taskTitle: string;
  checklist: string[];
  dueInDays: number;
  priority: TaskPriority;
  assigneeId: number | null;
  emailSubject: string | null;
  emailBody: string | null;
};

/** Create or change a playbook: its trigger (with the trigger's parameter), the task template and an optional email step. */
export function PlaybookForm({
  playbook,
  debitTypes,
  members,
}: {
  playbook: PlaybookValues;
  debitTypes: { key: string; label: string }[];
  members: { id: number; name: string }[];
}) {
  const save = useActionForm(savePlaybookAction);
  const remove = useActionForm(deletePlaybookAction, {
    confirm: `Delete the playbook “${playbook.name}”? The tasks it created stay.`,
  });
  const [trigger, setTrigger] = useState<PlaybookTrigger>(playbook.trigger);
  const errors = fieldErrors(save.state);
  const id = (field: string) => `playbook-${playbook.id ?? "new"}-${field}`;
  return (
    <div className="space-y-2">
      <form
        onSubmit={save.onSubmit}
        aria-label={playbook.id ? `Playbook ${playbook.name}` : "New playbook"}
        className="grid gap-3 md:grid-cols-2"
        noValidate
      >
        {playbook.id ? <input type="hidden" name="playbookId" value={playbook.id} /> : null}
        <TextField
          id={id("name")}
          name="name"
          label="Name"
          defaultValue={playbook.name}
          maxLength={120}
          errors={errors.name}
        />
        <label className="mt-6 flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={playbook.active} /> Active
        </label>
        <SelectField
          id={id("trigger")}
          name="trigger"
          label="When"
          value={trigger}
          onChange={(event) => setTrigger(event.target.value as PlaybookTrigger)}
          errors={errors.trigger}
        >
          {PLAYBOOK_TRIGGERS.map((one) => (
            <option key={one} value={one}>
              {TRIGGER_LABELS[one]}
            </option>
          ))}
        </SelectField>
        {trigger === "debit_logged" ? (
          <SelectField
            id={id("type")}
            name="triggerTypeKey"
            label="Debit"
            defaultValue={playbook.triggerTypeKey ?? ""}
            errors={errors.triggerTypeKey}
          >
            <option value="">Choose a debit…</option>
            {debitTypes.map((type) => (
              <option key={type.key} value={type.key}>
                {type.label}
              </option>
            ))}
          </SelectField>
        ) : trigger === "silence" ? (
          <TextField
            id={id("days")}
            name="triggerDays"
            type="number"
            min={1}
            max={365}
            label="Silent for (days)"
            defaultValue={playbook.triggerDays ?? 30}
            errors={errors.triggerDays}
          />
        ) : (
          <div />
        )}
        <div className="md:col-span-2">
          <TextField
            id={id("title")}
            name="taskTitle"
            label="Task title"
            defaultValue={playbook.taskTitle}
            maxLength={200}
            hint="Merge fields: {{customer}}, {{company}}, {{owner}}, {{days_silent}}."
            errors={errors.taskTitle}
          />
        </div>
        <TextAreaField
          id={id("checklist")}
          name="checklist"
          label="Checklist"
          hint="One item per line."
          rows={3}
          defaultValue={playbook.checklist.join("\n")}
          errors={errors.checklist}
        />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            id={id("due")}
            name="dueInDays"
            type="number"
            min={0}
            max={90}
            label="Due in (days)"
            defaultValue={playbook.dueInDays}
            errors={errors.dueInDays}
          />
          <SelectField
            id={id("priority")}
            name="priority"
            label="Priority"
            defaultValue={playbook.priority}
            errors={errors.priority}
          >
            {TASK_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={id("assignee")}
            name="assigneeId"
            label="Assignee"
            defaultValue={playbook.assigneeId ? String(playbook.assigneeId) : ""}
            errors={errors.assigneeId}
          >
            <option value="">Customer&apos;s owner</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="rounded-md border border-slate-200 p-3 md:col-span-2">
          <legend className="px-1 text-sm font-medium text-slate-700">Email step (optional)</legend>
          <p className="mb-2 text-xs text-slate-500">
            Sent to the customer when the playbook fires, unless they are fatigued or were emailed recently.
          </p>
          <TextField
            id={id("subject")}
            name="emailSubject"
            label="Subject"
            defaultValue={playbook.emailSubject ?? ""}
            maxLength={200}
            errors={errors.emailSubject}
          />
          <TextAreaField
            id={id("body")}
            name="emailBody"
            label="Message"
            rows={4}
            defaultValue={playbook.emailBody ?? ""}
            errors={errors.emailBody}
          />
        </fieldset>
        <div className="flex items-center gap-3 md:col-span-2">
          <SubmitButton pending={save.pending} pendingText="Saving…">
            {playbook.id ? "Save playbook" : "Create playbook"}
          </SubmitButton>
          <FormMessage state={save.state} />
        </div>
      </form>
      {playbook.id ? (
        <form
          onSubmit={remove.onSubmit}
          aria-label={`Delete playbook ${playbook.name}`}
          className="flex items-center gap-3"
        >
          <input type="hidden" name="playbookId" value={playbook.id} />
          <SubmitButton variant="danger" pending={remove.pending} pendingText="Deleting…">
            Delete
          </SubmitButton>
          <FormMessage state={remove.state} />
        </form>
      ) : null}
    </div>
  );
}
