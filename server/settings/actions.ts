"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { fitScoring, previewScoring, saveFittedScoring, updateScoring } from "@/server/scoring/commands";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function updateScoringAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(updateScoring, formData);
}

export async function previewScoringAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(previewScoring, formData);
}

export async function fitScoringAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(fitScoring, formData);
}

export async function saveFittedScoringAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveFittedScoring, formData);
}
