"use server";

import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/return-path";
import { logDelightMoment } from "./commands";
import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";

/** Saved: back where the person came from (the queue with its search and page, or the customer's page). */
export async function logDelightMomentAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runMemberAction(logDelightMoment, formData);
  if (result.ok) {
    const back = safeReturnPath(formData.get("returnTo")) ?? "/delight";
    redirect(back.startsWith("/delight") ? `${back}${back.includes("?") ? "&" : "?"}logged=1` : back);
  }
  return result;
}
