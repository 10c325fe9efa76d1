"use server";

import { changeRoleStatus, inviteToRole, logAsk, logCommunityActivity, setAskCapacity } from "./commands";
import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";

export async function inviteToRoleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(inviteToRole, formData);
}

export async function changeRoleStatusAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(changeRoleStatus, formData);
}

export async function logCommunityActivityAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(logCommunityActivity, formData);
}

export async function logAskAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(logAsk, formData);
}

export async function setAskCapacityAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(setAskCapacity, formData);
}
