"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { deletePlaybook, savePlaybook } from "./commands";

export async function savePlaybookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(savePlaybook, formData);
}

export async function deletePlaybookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(deletePlaybook, formData);
}
