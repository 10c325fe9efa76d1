import { z } from "zod";
import { PLAYBOOK_TRIGGERS, unknownMergeFields } from "@/lib/playbooks";
import { TASK_PRIORITIES } from "@/lib/tasks";
import { checkbox, id, optionalId, optionalText, requiredText, wholeNumber } from "./fields";
import { checklistLines, taskTitle } from "./tasks";

const mergeFieldsKnown = (value: string | null) => !value || unknownMergeFields(value).length === 0;
const MERGE_MESSAGE = "Use only {{customer}}, {{company}}, {{owner}} and {{days_silent}} as merge fields.";

export const emailTemplateFields = {
  subject: requiredText(200, {
    missing: "Write a subject.",
    tooLong: "Keep the subject under 200 characters.",
  }).refine(mergeFieldsKnown, MERGE_MESSAGE),
  body: requiredText(5000, {
    missing: "Write the message.",
    tooLong: "Keep the message under 5000 characters.",
  }).refine(mergeFieldsKnown, MERGE_MESSAGE),
};

export const savePlaybookSchema = z
  .object({
    playbookId: optionalId("This playbook no longer exists; reload the page."),
    name: requiredText(120, { missing: "Name the playbook.", tooLong: "Keep the name under 120 characters." }),
    active: checkbox,
    trigger: z.enum(PLAYBOOK_TRIGGERS, { message: "Choose a trigger from the list." }),
    triggerTypeKey: optionalText(64, "The debit type"),
    triggerDays: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(wholeNumber(1, 365, "Enter a number of days from 1 to 365.").nullable()),
    taskTitle: taskTitle.refine(mergeFieldsKnown, MERGE_MESSAGE),
    checklist: checklistLines,
    dueInDays: wholeNumber(0, 90, "Enter a number of days from 0 (today) to 90."),
    priority: z.enum(TASK_PRIORITIES, { message: "Choose a priority from the list." }),
    assigneeId: optionalId("Choose a team member from the list."),
    emailSubject: optionalText(200, "The subject").refine(mergeFieldsKnown, MERGE_MESSAGE),
    emailBody: optionalText(5000, "The message").refine(mergeFieldsKnown, MERGE_MESSAGE),
  })
  .superRefine((input, ctx) => {
    if (input.trigger === "debit_logged" && !input.triggerTypeKey)
      ctx.addIssue({ code: "custom", path: ["triggerTypeKey"], message: "Choose which debit fires the playbook." });
    if (input.trigger === "silence" && input.triggerDays === null)
      ctx.addIssue({ code: "custom", path: ["triggerDays"], message: "Say after how many silent days it fires." });
    if (Boolean(input.emailSubject) !== Boolean(input.emailBody))
      ctx.addIssue({
        code: "custom",
        path: [input.emailSubject ? "emailBody" : "emailSubject"],
        message: "An email step needs both a subject and a message (or leave both empty).",
      });
  });

export const deletePlaybookSchema = z.object({ playbookId: id("a playbook") });
