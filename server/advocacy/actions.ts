"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import {
  changeRoleStatus,
  inviteToRole,
  logAsk,
  logCommunityActivity,
  saveAdvocateRole,
  setAskCapacity,
} from "./commands";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

/** Invited: the candidate leaves the list, so the page says who was invited, with a link to their page. */
export async function inviteToRoleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runMemberAction(inviteToRole, formData);
  if (result.ok) redirect(`/advocates?invited=${(result.data as { customerId: number }).customerId}`);
  return result;
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

export async function saveAdvocateRoleAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveAdvocateRole, formData);
}
