"use client";

import { createTaskAction } from "@/server/tasks/actions";
import { FormMessage, fieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { TASK_PRIORITIES } from "@/lib/tasks";
import { useTranslations } from "next-intl";

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
  const t = useTranslations("tasks.form");
  const tl = useTranslations("labels");
  const form = useActionForm(createTaskAction);
  const errors = fieldErrors(form.state);
  return (
    <form onSubmit={form.onSubmit} aria-label={t("label")} className="grid gap-3 md:grid-cols-2">
      <input type="hidden" name="customerId" value={customerId} />
      <div className="md:col-span-2">
        <TextField
          id="task-title"
          name="title"
          label={t("title")}
          maxLength={200}
          placeholder={t("titlePlaceholder")}
          autoFocus={autoFocus}
          errors={errors.title}
        />
      </div>
      <TextField
        id="task-due"
        name="dueOn"
        type="date"
        label={t("due")}
        defaultValue={defaultDue}
        errors={errors.dueOn}
      />
      <SelectField
        id="task-priority"
        name="priority"
        label={t("priority")}
        defaultValue="normal"
        errors={errors.priority}
      >
        {TASK_PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {tl(`taskPriority.${priority}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="task-assignee"
        name="assigneeId"
        label={t("assignee")}
        defaultValue={defaultAssigneeId ? String(defaultAssigneeId) : ""}
        errors={errors.assigneeId}
      >
        <option value="">{t("customerOwner")}</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="task-checklist"
        name="checklist"
        label={t("checklist")}
        hint={t("checklistHint")}
        rows={2}
        errors={errors.checklist}
      />
      <div className="flex items-center gap-3 md:col-span-2">
        <SubmitButton pending={form.pending} pendingText={t("adding")}>
          {t("submit")}
        </SubmitButton>
        <FormMessage state={form.state} />
      </div>
    </form>
  );
}
