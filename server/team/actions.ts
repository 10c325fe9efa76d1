"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { addMember, changeMemberRole, setMemberActive } from "./members";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

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
