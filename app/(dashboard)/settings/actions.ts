"use server";

import { saveAdvocateRole } from "@/db/mutations/advocacy";
import { createApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { saveJourneyModel } from "@/db/mutations/journey-models";
import { addMember, changeMemberRole, setMemberActive } from "@/db/mutations/members";
import { updateScoring } from "@/db/mutations/settings";
import type { ActionResult } from "@/lib/actions/execute";
import { runMemberAction } from "@/lib/actions/run";

export async function updateScoringAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(updateScoring, formData);
}

export async function saveJourneyModelAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveJourneyModel, formData);
}

export async function saveAdvocateRoleAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveAdvocateRole, formData);
}

export async function createApiTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(createApiToken, formData);
}

export async function revokeApiTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(revokeApiToken, formData);
}

export async function addMemberAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(addMember, formData);
}

export async function changeMemberRoleAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(changeMemberRole, formData);
}

export async function setMemberActiveAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(setMemberActive, formData);
}
