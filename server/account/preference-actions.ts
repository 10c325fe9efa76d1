"use server";

import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";
import { saveAccountPreferences, saveBookSettings } from "./preferences";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function saveAccountPreferencesAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveAccountPreferences, formData);
}

export async function saveBookSettingsAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(saveBookSettings, formData);
}
