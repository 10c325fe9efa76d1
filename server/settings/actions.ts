"use server";

import { saveAdvocateRole } from "@/server/advocacy/commands";
import { createApiToken, revokeApiToken } from "@/server/team/api-tokens";
import { saveJourneyModel } from "@/server/journey/commands";
import { addMember, changeMemberRole, setMemberActive } from "@/server/team/members";
import { updateScoring } from "./scoring";
import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";

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
