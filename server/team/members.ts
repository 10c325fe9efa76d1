import { and, eq, ne, sql } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { message } from "@/lib/error-messages";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { changeRoleSchema, setActiveSchema } from "@/lib/validation/members";
import type { Queryable } from "@/db";
import { members } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";

/** A member's row, locked for the change about to be made to it. */
export async function lockMember(tx: Queryable, memberId: number) {
  const [member] = await tx.select().from(members).where(eq(members.id, memberId)).for("update");
  if (!member) throw new NotFoundError(message("notFound.what.member"));
  return member;
}

/** A team keeps at least one active admin: nobody can lock everyone out of Settings. */
async function assertAnotherAdmin(tx: Queryable, memberId: number) {
  // Lock every active admin row so two concurrent demotions cannot both pass this check.
  const admins = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.role, "admin"), eq(members.active, true), ne(members.id, memberId)))
    .for("update");
  if (admins.length === 0) throw new ValidationError(message("team.lastAdmin"));
}

export const changeMemberRole = defineAction({
  permission: "members.manage",
  schema: changeRoleSchema,
  async run(input, { member, tx }) {
    const before = await lockMember(tx, input.memberId);
    if (before.role === input.role) return { message: message("done.team.roleUnchanged") };
    if (before.role === "admin" && before.active) await assertAnotherAdmin(tx, before.id);
    const [after] = await tx
      .update(members)
      .set({ role: input.role, updatedAt: sql`now()` })
      .where(eq(members.id, before.id))
      .returning();
    await recordAudit(tx, member, {
      action: "member.role_changed",
      entityType: "member",
      entityId: before.id,
      before: { role: before.role },
      after: { role: after.role },
    });
    return { message: message("done.team.roleChanged", { name: after.name, role: after.role }) };
  },
});

export const setMemberActive = defineAction({
  permission: "members.manage",
  schema: setActiveSchema,
  async run(input, { member, tx }) {
    const before = await lockMember(tx, input.memberId);
    if (before.active === input.active) return { message: message("action.nothingToChange") };
    if (!input.active && before.role === "admin") await assertAnotherAdmin(tx, before.id);
    const [after] = await tx
      .update(members)
      .set({ active: input.active, updatedAt: sql`now()` })
      .where(eq(members.id, before.id))
      .returning();
    await recordAudit(tx, member, {
      action: input.active ? "member.reactivated" : "member.deactivated",
      entityType: "member",
      entityId: before.id,
      before: { active: before.active },
      after: { active: after.active },
    });
    return {
      message: message(input.active ? "done.team.reactivated" : "done.team.deactivated", { name: after.name }),
    };
  },
});
