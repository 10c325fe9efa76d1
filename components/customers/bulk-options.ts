import { getTranslations } from "next-intl/server";
import type { Queryable } from "@/db";
import { stageName } from "@/lib/i18n/journey-labels";
import { MILESTONES, stageForMilestone } from "@/lib/journey/models";
import { can, type MemberRole, type Permission } from "@/lib/permissions";
import { type SearchParams, withParams } from "@/lib/search-params";
import type { BulkList } from "@/lib/bulk-customers";
import type { JourneyModelWithStages } from "@/server/journey/models";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { listPlaybookChoices } from "@/server/playbooks/queries";
import { listActiveMembers } from "@/server/team/queries";
import type { BulkAction, BulkOptions } from "./bulk-customer-bar";

/** Each bulk action needs what its single-customer form needs (server/customers/bulk-commands.ts). */
const PERMISSION_OF: Record<BulkAction, Permission> = {
  owner: "customers.write",
  milestone: "journey.write",
  playbook: "tasks.write",
  interaction: "interactions.write",
};

/** The bulk bar's actions and choices for a member on a list, or null when their role allows none (a viewer). */
export async function loadBulkOptions(
  db: Queryable,
  {
    role,
    list,
    params,
    matching,
    model,
  }: {
    role: MemberRole;
    list: BulkList;
    params: SearchParams;
    matching: number | null;
    model: JourneyModelWithStages;
  },
): Promise<BulkOptions | null> {
  const actions = (Object.keys(PERMISSION_OF) as BulkAction[]).filter((action) => can(role, PERMISSION_OF[action]));
  if (actions.length === 0) return null;
  const [members, playbooks, types, tj] = await Promise.all([
    actions.includes("owner") ? listActiveMembers(db) : [],
    actions.includes("playbook") ? listPlaybookChoices(db) : [],
    actions.includes("interaction") ? listInteractionTypes(db) : [],
    getTranslations("journey"),
  ]);
  return {
    list,
    filters: withParams("", params, { page: undefined }).replace(/^\?/, ""),
    matching,
    actions,
    members: members.map((member) => ({ id: member.id, name: member.name })),
    playbooks,
    types,
    milestones: MILESTONES.map((m) => {
      const stage = stageForMilestone(model.stages, m.number);
      return { number: m.number, stage: stage ? stageName(tj, model, stage) : null };
    }),
  };
}
