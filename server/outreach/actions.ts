"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { saveOutreachSettings, sendOutreach } from "./commands";

export async function sendOutreachAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(sendOutreach, formData);
}

export async function saveOutreachSettingsAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveOutreachSettings, formData);
}
