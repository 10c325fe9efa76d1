"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { saveJourneyModel, setMilestone } from "./commands";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function setMilestoneAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(setMilestone, formData);
}

export async function saveJourneyModelAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveJourneyModel, formData);
}
