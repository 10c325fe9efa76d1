"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import {
  endShadowScoring,
  fitScoring,
  previewScoring,
  promoteShadowScoring,
  saveFittedScoring,
  shadowScoring,
  updateScoring,
} from "@/server/scoring/commands";

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

export async function shadowScoringAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(shadowScoring, formData);
}

export async function endShadowScoringAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(endShadowScoring, formData);
}

export async function promoteShadowScoringAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(promoteShadowScoring, formData);
}
