"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import {
  bulkUpdateTasks,
  completeTask,
  createTask,
  createTaskFromSuggestion,
  dismissTask,
  toggleChecklistItem,
} from "./commands";

export async function createTaskAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(createTask, formData);
}

export async function createTaskFromSuggestionAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(createTaskFromSuggestion, formData);
}

export async function completeTaskAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(completeTask, formData);
}

export async function dismissTaskAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(dismissTask, formData);
}

export async function toggleChecklistItemAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(toggleChecklistItem, formData);
}

export async function bulkUpdateTasksAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(bulkUpdateTasks, formData);
}
