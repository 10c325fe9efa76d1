"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { deleteInteraction, editInteraction, logInteraction } from "./commands";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function logInteractionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(logInteraction, formData, { refresh: "by-the-form" });
}

export async function editInteractionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(editInteraction, formData);
}

export async function deleteInteractionAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(deleteInteraction, formData);
}
