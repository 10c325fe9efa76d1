"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { markNotificationsRead, rotateWebhookSecret, savePreferences, sendTestWebhook } from "./commands";

export async function savePreferencesAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(savePreferences, formData);
}

export async function rotateWebhookSecretAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(rotateWebhookSecret, formData);
}

export async function sendTestWebhookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(sendTestWebhook, formData);
}

export async function markNotificationsReadAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(markNotificationsRead, formData);
}
