import { z } from "zod";
import { NEXT_STEP_KEYS } from "@/lib/risk";
import { TASK_PRIORITIES } from "@/lib/tasks";
import { message } from "@/lib/error-messages";
import { id, isCalendarDay, optionalId, optionalText, requiredText, storable } from "./fields";
import { fails, say } from "./messages";

/** A due date as a date field sends it: a day the calendar has, from 2000 to five years ahead. */
export const dueDay = z
  .string(fails("tasks.dueMissing"))
  .trim()
  .refine((value) => value !== "", fails("tasks.dueMissing"))
  .refine(isCalendarDay, fails("tasks.dueInvalid"))
  .refine(
    (value) => value >= "2000-01-01" && value <= `${new Date().getUTCFullYear() + 5}-12-31`,
    fails("tasks.dueTooFar"),
  );

const priority = z.enum(TASK_PRIORITIES, fails("tasks.priorityFromList"));

/** Checklist lines, one per line: at most 20, each at most 200 characters. */
export const checklistLines = storable(z.string().max(4_200, fails("tasks.checklistTooLong")))
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((lines) => lines.length <= 20, fails("tasks.checklistTooManyItems"))
  .refine((lines) => lines.every((line) => line.length <= 200), fails("tasks.checklistItemTooLong"));

export const taskTitle = requiredText(200, {
  missing: message("tasks.titleMissing"),
  tooLong: message("tasks.titleTooLong"),
});

export const createTaskSchema = z.object({
  customerId: id(message("choose.customer")),
  title: taskTitle,
  assigneeId: optionalId(message("tasks.assigneeFromList")),
  dueOn: dueDay,
  priority: priority.optional().default("normal"),
  checklist: checklistLines,
  note: optionalText(1000, message("field.label.note")),
});

export const taskFromSuggestionSchema = z.object({
  customerId: id(message("choose.customer")),
  suggestionKey: z.enum(NEXT_STEP_KEYS, fails("tasks.unknownSuggestion")),
});

export const completeTaskSchema = z.object({
  taskId: id(message("choose.task")),
  outcome: optionalText(500, message("field.label.outcome")),
});

export const dismissTaskSchema = z.object({
  taskId: id(message("choose.task")),
  reason: requiredText(300, {
    missing: message("tasks.dismissReasonMissing"),
    tooLong: message("tasks.dismissReasonTooLong"),
  }),
});

export const toggleChecklistItemSchema = z.object({
  taskId: id(message("choose.task")),
  item: z.coerce
    .number(fails("tasks.checklistItemMissing"))
    .int(fails("tasks.checklistItemMissing"))
    .min(0, fails("tasks.checklistItemMissing"))
    .max(19, fails("tasks.checklistItemMissing")),
  done: z.enum(["true", "false"], fails("tasks.doneOrNot")).transform((value) => value === "true"),
});

/** Task ids as the bulk bar sends them: "3,8,21", at most 200. */
const taskIds = z
  .string(fails("tasks.nothingSelected"))
  .trim()
  .transform((value, ctx) => {
    const parts = value === "" ? [] : value.split(",");
    const ids = parts.map((part) => (/^\d{1,9}$/.test(part) ? Number(part) : NaN));
    if (ids.length === 0) ctx.addIssue({ code: "custom", message: say(message("tasks.nothingSelected")) });
    else if (ids.length > 200)
      ctx.addIssue({ code: "custom", message: say(message("tasks.tooManySelected", { max: 200 })) });
    else if (ids.some((one) => !Number.isInteger(one) || one < 1))
      ctx.addIssue({ code: "custom", message: say(message("tasks.selectionOutOfDate")) });
    return [...new Set(ids)];
  });

export const bulkTasksSchema = z
  .object({
    operation: z.enum(["complete", "reassign"], fails("tasks.operationMissing")),
    taskIds,
    assigneeId: optionalId(message("tasks.assigneeFromList")),
  })
  .superRefine((input, ctx) => {
    if (input.operation === "reassign" && input.assigneeId === null)
      ctx.addIssue({ code: "custom", path: ["assigneeId"], message: say(message("tasks.newAssigneeMissing")) });
  });
