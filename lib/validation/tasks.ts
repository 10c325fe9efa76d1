import { z } from "zod";
import { NEXT_STEP_KEYS } from "@/lib/risk";
import { TASK_PRIORITIES } from "@/lib/tasks";
import { id, isCalendarDay, optionalId, optionalText, requiredText, storable } from "./fields";

/** A due date as a date field sends it: a day the calendar has, from 2000 to five years ahead. */
export const dueDay = z
  .string({ message: "Choose a due date." })
  .trim()
  .refine((value) => value !== "", "Choose a due date.")
  .refine(isCalendarDay, "Enter a date that exists, like 2026-12-24.")
  .refine((value) => value >= "2000-01-01" && value <= `${new Date().getUTCFullYear() + 5}-12-31`, {
    message: "Choose a due date within the next five years.",
  });

const priority = z.enum(TASK_PRIORITIES, { message: "Choose a priority from the list." });

/** Checklist lines, one per line: at most 20, each at most 200 characters. */
export const checklistLines = storable(z.string().max(4_200, "Keep the checklist under 20 short lines."))
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((lines) => lines.length <= 20, "A checklist can have at most 20 items.")
  .refine((lines) => lines.every((line) => line.length <= 200), "Keep each checklist item under 200 characters.");

export const taskTitle = requiredText(200, {
  missing: "Say what needs doing.",
  tooLong: "Keep the title under 200 characters.",
});

export const createTaskSchema = z.object({
  customerId: id("a customer"),
  title: taskTitle,
  assigneeId: optionalId("Choose a team member from the list."),
  dueOn: dueDay,
  priority: priority.optional().default("normal"),
  checklist: checklistLines,
  note: optionalText(1000, "The note"),
});

export const taskFromSuggestionSchema = z.object({
  customerId: id("a customer"),
  suggestionKey: z.enum(NEXT_STEP_KEYS, { message: "That suggestion is not one Hourglass makes." }),
});

export const completeTaskSchema = z.object({
  taskId: id("a task"),
  outcome: optionalText(500, "The outcome"),
});

export const dismissTaskSchema = z.object({
  taskId: id("a task"),
  reason: requiredText(300, {
    missing: "Say why the task is dismissed, so the team knows it was looked at.",
    tooLong: "Keep the reason under 300 characters.",
  }),
});

export const toggleChecklistItemSchema = z.object({
  taskId: id("a task"),
  item: z.coerce
    .number({ message: "Choose a checklist item." })
    .int("Choose a checklist item.")
    .min(0, "Choose a checklist item.")
    .max(19, "Choose a checklist item."),
  done: z.enum(["true", "false"], { message: "Say whether the item is done." }).transform((value) => value === "true"),
});

/** Task ids as the bulk bar sends them: "3,8,21", at most 200. */
const taskIds = z
  .string({ message: "Select at least one task." })
  .trim()
  .transform((value, ctx) => {
    const parts = value === "" ? [] : value.split(",");
    const ids = parts.map((part) => (/^\d{1,9}$/.test(part) ? Number(part) : NaN));
    if (ids.length === 0) ctx.addIssue({ code: "custom", message: "Select at least one task." });
    else if (ids.length > 200) ctx.addIssue({ code: "custom", message: "Select at most 200 tasks at a time." });
    else if (ids.some((one) => !Number.isInteger(one) || one < 1))
      ctx.addIssue({ code: "custom", message: "The selection is out of date; reload the page." });
    return [...new Set(ids)];
  });

export const bulkTasksSchema = z
  .object({
    operation: z.enum(["complete", "reassign"], { message: "Choose what to do with the selected tasks." }),
    taskIds,
    assigneeId: optionalId("Choose a team member from the list."),
  })
  .superRefine((input, ctx) => {
    if (input.operation === "reassign" && input.assigneeId === null)
      ctx.addIssue({ code: "custom", path: ["assigneeId"], message: "Choose who takes the selected tasks." });
  });
