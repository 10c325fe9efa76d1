"use server";

import { saveAdvocateRole } from "@/db/mutations/advocacy";
import { createApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { saveJourneyModel } from "@/db/mutations/journey-models";
import { updateScoring } from "@/db/mutations/settings";
import type { ActionResult } from "@/lib/actions/execute";
import { runMemberAction } from "@/lib/actions/run";

export async function updateScoringAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(updateScoring, formData);
}

export async function saveJourneyModelAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(saveJourneyModel, formData);
}

export async function saveAdvocateRoleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(saveAdvocateRole, formData);
}

export async function createApiTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(createApiToken, formData);
}

export async function revokeApiTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(revokeApiToken, formData);
}
