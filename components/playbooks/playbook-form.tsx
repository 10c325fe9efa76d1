"use client";

import { useState } from "react";
import { deletePlaybookAction, savePlaybookAction } from "@/server/playbooks/actions";
import { FormMessage, fieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { MERGE_FIELD_NAMES, PLAYBOOK_TRIGGERS, type PlaybookTrigger } from "@/lib/playbooks";
import { TASK_PRIORITIES, type TaskPriority } from "@/lib/tasks";
import { useTranslations } from "next-intl";

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
  const t = useTranslations("playbooks.form");
  const tl = useTranslations("labels");
  const tp = useTranslations("playbooks");
  const save = useActionForm(savePlaybookAction);
  const remove = useActionForm(deletePlaybookAction, {
    confirm: t("confirmDelete", { name: playbook.name }),
  });
  const mergeFields = MERGE_FIELD_NAMES.map((name) => `{{${name}}}`).join(", ");
  const [trigger, setTrigger] = useState<PlaybookTrigger>(playbook.trigger);
  const errors = fieldErrors(save.state);
  const id = (field: string) => `playbook-${playbook.id ?? "new"}-${field}`;
  return (
    <div className="space-y-2">
      <form
        onSubmit={save.onSubmit}
        aria-label={playbook.id ? t("label", { name: playbook.name }) : t("newLabel")}
        className="grid gap-3 md:grid-cols-2"
        noValidate
      >
        {playbook.id ? <input type="hidden" name="playbookId" value={playbook.id} /> : null}
        <TextField
          id={id("name")}
          name="name"
          label={t("name")}
          defaultValue={playbook.name}
          maxLength={120}
          errors={errors.name}
        />
        <label className="mt-6 flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={playbook.active} /> {t("active")}
        </label>
        <SelectField
          id={id("trigger")}
          name="trigger"
          label={t("when")}
          value={trigger}
          onChange={(event) => setTrigger(event.target.value as PlaybookTrigger)}
          errors={errors.trigger}
        >
          {PLAYBOOK_TRIGGERS.map((one) => (
            <option key={one} value={one}>
              {tp(`triggers.${one}`)}
            </option>
          ))}
        </SelectField>
        {trigger === "debit_logged" ? (
          <SelectField
            id={id("type")}
            name="triggerTypeKey"
            label={t("debit")}
            defaultValue={playbook.triggerTypeKey ?? ""}
            errors={errors.triggerTypeKey}
          >
            <option value="">{t("chooseDebit")}</option>
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
            label={t("silentDays")}
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
            label={t("taskTitle")}
            defaultValue={playbook.taskTitle}
            maxLength={200}
            hint={t("mergeFields", { fields: mergeFields })}
            errors={errors.taskTitle}
          />
        </div>
        <TextAreaField
          id={id("checklist")}
          name="checklist"
          label={t("checklist")}
          hint={t("checklistHint")}
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
            label={t("dueInDays")}
            defaultValue={playbook.dueInDays}
            errors={errors.dueInDays}
          />
          <SelectField
            id={id("priority")}
            name="priority"
            label={t("priority")}
            defaultValue={playbook.priority}
            errors={errors.priority}
          >
            {TASK_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {tl(`taskPriority.${priority}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={id("assignee")}
            name="assigneeId"
            label={t("assignee")}
            defaultValue={playbook.assigneeId ? String(playbook.assigneeId) : ""}
            errors={errors.assigneeId}
          >
            <option value="">{t("customerOwner")}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="rounded-md border border-slate-200 p-3 md:col-span-2">
          <legend className="px-1 text-sm font-medium text-slate-700">{t("emailStep")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("emailStepHint")}</p>
          <TextField
            id={id("subject")}
            name="emailSubject"
            label={t("subject")}
            defaultValue={playbook.emailSubject ?? ""}
            maxLength={200}
            errors={errors.emailSubject}
          />
          <TextAreaField
            id={id("body")}
            name="emailBody"
            label={t("message")}
            rows={4}
            defaultValue={playbook.emailBody ?? ""}
            errors={errors.emailBody}
          />
        </fieldset>
        <div className="flex items-center gap-3 md:col-span-2">
          <SubmitButton pending={save.pending} pendingText={t("saving")}>
            {playbook.id ? t("save") : t("create")}
          </SubmitButton>
          <FormMessage state={save.state} />
        </div>
      </form>
      {playbook.id ? (
        <form
          onSubmit={remove.onSubmit}
          aria-label={t("deleteLabel", { name: playbook.name })}
          className="flex items-center gap-3"
        >
          <input type="hidden" name="playbookId" value={playbook.id} />
          <SubmitButton variant="danger" pending={remove.pending} pendingText={t("deleting")}>
            {t("delete")}
          </SubmitButton>
          <FormMessage state={remove.state} />
        </form>
      ) : null}
    </div>
  );
}
