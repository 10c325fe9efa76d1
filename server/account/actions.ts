"use server";

import { authSecret } from "@/lib/auth/secret";
import { issueTicket } from "@/lib/auth/ticket";
import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { signIn } from "@/server/auth/auth";
import { currentMember } from "@/server/auth/session";
import {
  changePassword,
  confirmTwoFactor,
  disableTwoFactor,
  renewRecoveryCodes,
  saveSecuritySettings,
  startTwoFactor,
} from "./commands";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function changePasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const member = await currentMember();
  const result = await runMemberAction(changePassword, formData);
  if (!result.ok || !member) return result;
  // Every session signed in before the change has ended, this one too: sign this browser in afresh.
  await signIn("credentials", {
    ticket: issueTicket(authSecret(), member.id, "signed-in", 60),
    redirectTo: "/settings/account?changed=password",
  });
  return result;
}

export async function startTwoFactorAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(startTwoFactor, formData);
}

export async function confirmTwoFactorAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(confirmTwoFactor, formData);
}

export async function disableTwoFactorAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(disableTwoFactor, formData);
}

export async function renewRecoveryCodesAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(renewRecoveryCodes, formData);
}

export async function saveSecuritySettingsAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveSecuritySettings, formData);
}
