"use server";

import { redirect } from "next/navigation";
import { changeOwner, churnCustomer, createCustomer, reactivateCustomer, updateCustomer } from "./commands";
import { eraseCustomer } from "./privacy";
import { bulkAddToPlaybook, bulkChangeOwner, bulkLogInteraction, bulkSetMilestone } from "./bulk-commands";
import type { ActionResult } from "@/server/actions/execute";
import { runMemberAction } from "@/server/actions/run";

// Each export is a public endpoint: runMemberAction checks the session and the role every time.

export async function createCustomerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runMemberAction(createCustomer, formData);
  if (result.ok) redirect(`/customers/${(result.data as { id: number }).id}`);
  return result;
}

export async function updateCustomerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runMemberAction(updateCustomer, formData);
  if (result.ok) redirect(`/customers/${(result.data as { id: number }).id}`);
  return result;
}

export async function changeOwnerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(changeOwner, formData);
}

export async function churnCustomerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(churnCustomer, formData);
}

export async function reactivateCustomerAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(reactivateCustomer, formData);
}

export async function bulkChangeOwnerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(bulkChangeOwner, formData);
}

export async function bulkSetMilestoneAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(bulkSetMilestone, formData);
}

export async function bulkAddToPlaybookAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(bulkAddToPlaybook, formData);
}

export async function bulkLogInteractionAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runMemberAction(bulkLogInteraction, formData);
}

export async function eraseCustomerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runMemberAction(eraseCustomer, formData);
}
