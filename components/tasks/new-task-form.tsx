"use client";

import { createTaskAction } from "@/server/tasks/actions";
import { FormMessage, fieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { PRIORITY_LABELS, TASK_PRIORITIES } from "@/lib/tasks";

/** Add a task by hand on a customer's page: for the owner unless someone else is chosen. */
export function NewTaskForm({
  customerId,
  members,
  defaultAssigneeId,
  defaultDue,
  autoFocus = false,
}: {
  customerId: number;
  members: { id: number; name: string }[];
  defaultAssigneeId: number | null;
  defaultDue: string;
  autoFocus?: boolean;
}) {
  const form = useActionForm(createTaskAction);
  const errors = fieldErrors(form.state);
  return (
    <form onSubmit={form.onSubmit} aria-label="Add a task" className="grid gap-3 md:grid-cols-2">
      <input type="hidden" name="customerId" value={customerId} />
      <div className="md:col-span-2">
        <TextField
          id="task-title"
          name="title"
          label="Task"
          maxLength={200}
          placeholder="e.g. Call about the export problems"
          autoFocus={autoFocus}
          errors={errors.title}
        />
      </div>
      <TextField id="task-due" name="dueOn" type="date" label="Due" defaultValue={defaultDue} errors={errors.dueOn} />
      <SelectField id="task-priority" name="priority" label="Priority" defaultValue="normal" errors={errors.priority}>
        {TASK_PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {PRIORITY_LABELS[priority]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="task-assignee"
        name="assigneeId"
        label="Assignee"
        defaultValue={defaultAssigneeId ? String(defaultAssigneeId) : ""}
        errors={errors.assigneeId}
      >
        <option value="">The customer&apos;s owner</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="task-checklist"
        name="checklist"
        label="Checklist (optional)"
        hint="One item per line."
        rows={2}
        errors={errors.checklist}
      />
      <div className="flex items-center gap-3 md:col-span-2">
        <SubmitButton pending={form.pending} pendingText="Adding…">
          Add task
        </SubmitButton>
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}
