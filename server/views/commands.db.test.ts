import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, savedViews } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { asSessionMember, createMember, createSavedView, writeFingerprint } from "@/testing/factories";
import { deleteView, renameView, saveView, setViewPinned } from "./commands";
import { getListViews, getPinnedViews } from "./queries";

let csm: SessionMember;
let otherCsm: SessionMember;
let viewer: SessionMember;
let admin: SessionMember;

beforeAll(async () => {
  csm = asSessionMember(await createMember({ role: "csm", name: "Cora CSM" }));
  otherCsm = asSessionMember(await createMember({ role: "csm", name: "Otto CSM" }));
  viewer = asSessionMember(await createMember({ role: "viewer", name: "Vera Viewer" }));
  admin = asSessionMember(await createMember({ role: "admin", name: "Ada Admin" }));
});

const names = (views: { name: string }[]) => views.map((v) => v.name);

async function lastAudit(entityId: number) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "saved_view"), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("Saved views: a list's filters and sort saved with a name", () => {
  it("keeps the risk list's own filters and sort, drops the page number and unknown parameters", async () => {
    const result = await executeAction(saveView, csm, {
      list: "risk",
      query: "?page=4&plan=growth&utm_source=mail&owner=all&minMrr=&sort=mrr&dir=desc",
      name: "  Growth by MRR  ",
    });
    expect(result).toMatchObject({ ok: true, message: "View “Growth by MRR” saved." });
    const [view] = await db.select().from(savedViews).where(eq(savedViews.ownerId, csm.id));
    expect(view).toMatchObject({
      list: "risk",
      name: "Growth by MRR",
      query: "owner=all&plan=growth&sort=mrr&dir=desc",
      visibility: "private",
      pinned: false,
    });
  });

  it("a second view with the same name on the same list (in any case) is refused with a clear message; another list may reuse it", async () => {
    await executeAction(saveView, otherCsm, { list: "customers", query: "status=active", name: "Active ones" });
    const before = await writeFingerprint();
    const again = await executeAction(saveView, otherCsm, {
      list: "customers",
      query: "plan=pro",
      name: "ACTIVE ONES",
    });
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { name: ["You already have a view named “ACTIVE ONES” on this list. Choose another name."] },
    });
    expect(await writeFingerprint()).toEqual(before);
    expect(
      await executeAction(saveView, otherCsm, { list: "journey", query: "status=active", name: "Active ones" }),
    ).toMatchObject({ ok: true });
  });

  it("a name must be 1 to 60 characters, and the list one of the six; nothing is written otherwise", async () => {
    const before = await writeFingerprint();
    const empty = await executeAction(saveView, csm, { list: "risk", query: "", name: "   " });
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringContaining("Give the view a name")] },
    });
    const long = await executeAction(saveView, csm, { list: "risk", query: "", name: "x".repeat(61) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { name: ["A view's name can have at most 60 characters."] } });
    const list = await executeAction(saveView, csm, { list: "settings", query: "", name: "Team" });
    expect(list).toMatchObject({ ok: false, fieldErrors: { list: [expect.stringContaining("risk, customer, task")] } });
    expect(await writeFingerprint()).toEqual(before);
  });
});

describe("Saved views: private or shared with the team", () => {
  it("a private view is listed for its owner only; a shared one for every member, with who shared it", async () => {
    const owner = asSessionMember(await createMember({ role: "csm", name: "Sam Sharer" }));
    await executeAction(saveView, owner, { list: "delight", query: "queue=mine", name: "My queue" });
    await executeAction(saveView, owner, { list: "delight", query: "q=acme", name: "Acme", shared: "on" });

    const own = await getListViews(db, { memberId: owner.id, list: "delight" });
    expect(names(own.mine)).toEqual(["Acme", "My queue"]);
    const teammate = await getListViews(db, { memberId: viewer.id, list: "delight" });
    expect(teammate.mine).toEqual([]);
    expect(teammate.shared).toEqual([
      expect.objectContaining({ name: "Acme", query: "q=acme", ownerName: "Sam Sharer", visibility: "shared" }),
    ]);
  });

  it("a viewer saves private views, but sharing one is refused (viewers share nothing) and writes nothing", async () => {
    expect(
      await executeAction(saveView, viewer, { list: "tasks", query: "priority=high", name: "Urgent" }),
    ).toMatchObject({ ok: true });
    const before = await writeFingerprint();
    const shared = await executeAction(saveView, viewer, {
      list: "tasks",
      query: "priority=high",
      name: "Urgent for all",
      shared: "on",
    });
    expect(shared).toEqual({ ok: false, message: expect.stringContaining("Your role saves private views only") });
    expect(await writeFingerprint()).toEqual(before);
  });

  it("a shared view is audited with its name and filters; a private one only as existing", async () => {
    const shared = await executeAction(saveView, csm, {
      list: "advocates",
      query: "status=active",
      name: "Active advocates",
      shared: "on",
    });
    const sharedAudit = await lastAudit(Number(shared.ok && (shared.data as { id: number }).id));
    expect(sharedAudit).toMatchObject({
      action: "view.saved",
      actorId: csm.id,
      after: { name: "Active advocates", list: "advocates", query: "status=active", visibility: "shared" },
    });
    const own = await executeAction(saveView, csm, { list: "advocates", query: "status=invited", name: "Secret" });
    const privateAudit = await lastAudit(Number(own.ok && (own.data as { id: number }).id));
    expect(privateAudit).toMatchObject({ action: "view.saved", after: { list: "advocates", visibility: "private" } });
    expect(JSON.stringify(privateAudit.after)).not.toContain("Secret");
  });
});

describe("Saved views: rename, pin and delete", () => {
  it("the owner renames a view; a taken name is refused; a teammate cannot rename a shared view", async () => {
    const view = await createSavedView({ ownerId: csm.id, name: "Old name", visibility: "shared" });
    await createSavedView({ ownerId: csm.id, name: "Taken" });
    expect(await executeAction(renameView, csm, { viewId: String(view.id), name: "New name" })).toMatchObject({
      ok: true,
      message: "Renamed to “New name”.",
    });
    const before = await writeFingerprint();
    expect(await executeAction(renameView, csm, { viewId: String(view.id), name: "taken" })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringContaining("already have a view named “taken”")] },
    });
    expect(await executeAction(renameView, otherCsm, { viewId: String(view.id), name: "Mine now" })).toEqual({
      ok: false,
      message: "Only the member who saved a view can rename it.",
    });
    expect(await writeFingerprint()).toEqual(before);
    const [stored] = await db.select().from(savedViews).where(eq(savedViews.id, view.id));
    expect(stored.name).toBe("New name");
  });

  it("another member's private view is not found, whatever they try", async () => {
    const view = await createSavedView({ ownerId: csm.id, name: "Private" });
    const before = await writeFingerprint();
    for (const result of [
      await executeAction(renameView, admin, { viewId: String(view.id), name: "Seen" }),
      await executeAction(setViewPinned, admin, { viewId: String(view.id), pinned: "true" }),
      await executeAction(deleteView, admin, { viewId: String(view.id) }),
    ])
      expect(result).toEqual({ ok: false, message: "The view was not found. It may have been deleted." });
    expect(await writeFingerprint()).toEqual(before);
  });

  it("the owner deletes their view; a teammate may not delete a shared view, an admin may", async () => {
    const own = await createSavedView({ ownerId: otherCsm.id, name: "Short-lived" });
    expect(await executeAction(deleteView, otherCsm, { viewId: String(own.id) })).toMatchObject({
      ok: true,
      message: "View “Short-lived” deleted.",
    });
    const shared = await createSavedView({ ownerId: otherCsm.id, name: "Team view", visibility: "shared" });
    const before = await writeFingerprint();
    expect(await executeAction(deleteView, csm, { viewId: String(shared.id) })).toEqual({
      ok: false,
      message: "Only the member who saved a view, or an admin, can delete it.",
    });
    expect(await writeFingerprint()).toEqual(before);
    expect(await executeAction(deleteView, admin, { viewId: String(shared.id) })).toMatchObject({ ok: true });
    expect(await lastAudit(shared.id)).toMatchObject({
      action: "view.deleted",
      actorId: admin.id,
      before: { name: "Team view", visibility: "shared" },
    });
    expect(await db.select().from(savedViews).where(eq(savedViews.id, shared.id))).toEqual([]);
  });

  it("pinned views are listed for the member who pinned them, by list then name; unpinning takes one out", async () => {
    const pinner = asSessionMember(await createMember({ role: "viewer", name: "Pia Pinner" }));
    await executeAction(saveView, pinner, { list: "risk", query: "plan=pro", name: "Pro at risk", pinned: "on" });
    await executeAction(saveView, pinner, { list: "customers", query: "q=acme", name: "Acme", pinned: "on" });
    await executeAction(saveView, pinner, { list: "risk", query: "plan=growth", name: "Growth", pinned: "on" });
    await executeAction(saveView, pinner, { list: "risk", query: "plan=starter", name: "Not pinned" });
    const shared = await createSavedView({
      ownerId: csm.id,
      name: "Someone else's",
      visibility: "shared",
      pinned: true,
    });

    const pinned = await getPinnedViews(db, { memberId: pinner.id });
    expect(pinned.map((v) => `${v.list}: ${v.name}`)).toEqual(["risk: Growth", "risk: Pro at risk", "customers: Acme"]);
    expect(names(await getPinnedViews(db, { memberId: viewer.id }))).not.toContain(shared.name);

    const growth = pinned[0];
    expect(await executeAction(setViewPinned, pinner, { viewId: String(growth.id), pinned: "false" })).toMatchObject({
      ok: true,
      message: "“Growth” is no longer pinned.",
    });
    expect(names(await getPinnedViews(db, { memberId: pinner.id }))).toEqual(["Pro at risk", "Acme"]);
  });
});
