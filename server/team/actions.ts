"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { headers } from "next/headers";
import { inviteMember, revokeInvitation } from "./invitations";
import { changeMemberRole, setMemberActive } from "./members";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function createApiTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(createApiToken, formData);
}

export async function revokeApiTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(revokeApiToken, formData);
}

export async function inviteMemberAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  // The link points where the admin reached the app (AUTH_URL, when set, wins in the command).
  const origin = (await headers()).get("origin");
  const input = Object.fromEntries(formData.entries());
  return runMemberAction(inviteMember, { ...input, origin: process.env.AUTH_URL ?? origin ?? undefined });
}

export async function revokeInvitationAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(revokeInvitation, formData);
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
