"use server";

import { redirect } from "next/navigation";
import { logDelightMoment } from "./commands";
import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";

export async function logDelightMomentAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runMemberAction(logDelightMoment, formData);
  if (result.ok)
    redirect(
      formData.get("returnTo") === "customer"
        ? `/customers/${(result.data as { customerId: number }).customerId}`
        : "/delight?logged=1",
    );
  return result;
}
