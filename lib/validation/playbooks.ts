import { z } from "zod";
import { PLAYBOOK_TRIGGERS, unknownMergeFields } from "@/lib/playbooks";
import { TASK_PRIORITIES } from "@/lib/tasks";
import { message } from "@/lib/error-messages";
import { checkbox, id, optionalId, optionalText, requiredText, wholeNumber } from "./fields";
import { fails, say } from "./messages";
import { checklistLines, taskTitle } from "./tasks";

const mergeFieldsKnown = (value: string | null) => !value || unknownMergeFields(value).length === 0;
// The merge fields are arguments: the catalog's ICU syntax has its own use for braces.
const MERGE_MESSAGE = fails("playbooks.mergeFields", {
  customer: "{{customer}}",
  company: "{{company}}",
  owner: "{{owner}}",
  daysSilent: "{{days_silent}}",
});

export const emailTemplateFields = {
  subject: requiredText(200, {
    missing: message("playbooks.subjectMissing"),
    tooLong: message("playbooks.subjectTooLong"),
  }).refine(mergeFieldsKnown, MERGE_MESSAGE),
  body: requiredText(5000, {
    missing: message("playbooks.bodyMissing"),
    tooLong: message("playbooks.bodyTooLong"),
  }).refine(mergeFieldsKnown, MERGE_MESSAGE),
};

export const savePlaybookSchema = z
  .object({
    playbookId: optionalId(message("playbooks.gone")),
    name: requiredText(120, {
      missing: message("playbooks.nameMissing"),
      tooLong: message("playbooks.nameTooLong"),
    }),
    active: checkbox,
    trigger: z.enum(PLAYBOOK_TRIGGERS, fails("playbooks.triggerFromList")),
    triggerTypeKey: optionalText(64, message("field.label.debitType")),
    triggerDays: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(wholeNumber(1, 365, message("field.daysRange", { min: 1, max: 365 })).nullable()),
    taskTitle: taskTitle.refine(mergeFieldsKnown, MERGE_MESSAGE),
    checklist: checklistLines,
    dueInDays: wholeNumber(0, 90, message("playbooks.dueInDaysRange")),
    priority: z.enum(TASK_PRIORITIES, fails("tasks.priorityFromList")),
    assigneeId: optionalId(message("tasks.assigneeFromList")),
    emailSubject: optionalText(200, message("field.label.subject")).refine(mergeFieldsKnown, MERGE_MESSAGE),
    emailBody: optionalText(5000, message("field.label.message")).refine(mergeFieldsKnown, MERGE_MESSAGE),
  })
  .superRefine((input, ctx) => {
    if (input.trigger === "debit_logged" && !input.triggerTypeKey)
      ctx.addIssue({ code: "custom", path: ["triggerTypeKey"], message: say(message("playbooks.debitMissing")) });
    if (input.trigger === "silence" && input.triggerDays === null)
      ctx.addIssue({ code: "custom", path: ["triggerDays"], message: say(message("playbooks.silentDaysMissing")) });
    if (Boolean(input.emailSubject) !== Boolean(input.emailBody))
      ctx.addIssue({
        code: "custom",
        path: [input.emailSubject ? "emailBody" : "emailSubject"],
        message: say(message("playbooks.emailStepIncomplete")),
      });
  });

export const deletePlaybookSchema = z.object({ playbookId: id(message("choose.playbook")) });
