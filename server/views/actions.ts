"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { deleteView, renameView, saveView, setViewPinned } from "./commands";

export async function saveViewAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(saveView, formData);
}

export async function renameViewAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(renameView, formData);
}

export async function setViewPinnedAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(setViewPinned, formData);
}

export async function deleteViewAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(deleteView, formData);
}
