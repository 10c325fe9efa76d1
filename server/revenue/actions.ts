"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { addSubscription, changeSubscription, endSubscription, reactivateSubscription } from "./commands";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function addSubscriptionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(addSubscription, formData);
}

export async function changeSubscriptionAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(changeSubscription, formData);
}

export async function endSubscriptionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(endSubscription, formData);
}

export async function reactivateSubscriptionAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(reactivateSubscription, formData);
}
