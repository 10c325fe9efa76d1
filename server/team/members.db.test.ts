import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { db } from "@/db";
import { getActiveMember } from "@/server/auth/members";
import { members } from "@/db/schema";
import { asSessionMember, createMember, writeFingerprint } from "@/testing/factories";
import { changeMemberRole, setMemberActive } from "./members";

describe("team management", () => {
  it("a deactivated member's session no longer resolves, and reactivation restores it", async () => {
    const admin = asSessionMember(await createMember({ role: "admin" }));
    const csm = await createMember({ role: "csm" });
    expect(await getActiveMember(db, { id: csm.id })).toBeDefined();
    expect(await executeAction(setMemberActive, admin, { memberId: String(csm.id), active: "false" })).toMatchObject({
      ok: true,
    });
    expect(await getActiveMember(db, { id: csm.id })).toBeUndefined();
    await executeAction(setMemberActive, admin, { memberId: String(csm.id), active: "true" });
    expect(await getActiveMember(db, { id: csm.id })).toBeDefined();
  });

  it("the last active admin can be neither demoted nor deactivated", async () => {
    await db.update(members).set({ active: false }).where(eq(members.role, "admin"));
    const last = asSessionMember(await createMember({ role: "admin" }));
    const before = await writeFingerprint();
    const demote = await executeAction(changeMemberRole, last, { memberId: String(last.id), role: "manager" });
    expect(demote).toEqual({
      ok: false,
      message: "This is the last active admin: make someone else an admin first.",
      fieldErrors: {},
    });
    const deactivate = await executeAction(setMemberActive, last, { memberId: String(last.id), active: "false" });
    expect(deactivate.ok).toBe(false);
    expect(await writeFingerprint()).toEqual(before);
    const second = await createMember({ role: "csm" });
    await executeAction(changeMemberRole, last, { memberId: String(second.id), role: "admin" });
    expect(await executeAction(changeMemberRole, last, { memberId: String(last.id), role: "manager" })).toMatchObject({
      ok: true,
    });
  });

  it("a manager cannot manage the team", async () => {
    const manager = asSessionMember(await createMember({ role: "manager" }));
    const target = await createMember({ role: "viewer" });
    expect((await executeAction(changeMemberRole, manager, { memberId: String(target.id), role: "admin" })).ok).toBe(
      false,
    );
    const [row] = await db.select().from(members).where(eq(members.id, target.id));
    expect(row.role).toBe("viewer");
  });
});
