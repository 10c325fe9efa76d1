import { and, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { type SavedView, savedViews } from "@/db/schema";
import { message } from "@/lib/error-messages";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can, type SessionMember } from "@/lib/permissions";
import { deleteViewSchema, pinViewSchema, renameViewSchema, saveViewSchema } from "@/lib/validation/saved-views";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";

function duplicateName(name: string): ValidationError {
  const taken = message("views.duplicateName", { name });
  return new ValidationError(taken, { name: [taken] });
}

/** What the audit log keeps of a view. A private view's name and filters are its owner's business: only that it exists. */
function audited(view: SavedView) {
  return view.visibility === "shared"
    ? { name: view.name, list: view.list, query: view.query, visibility: view.visibility, pinned: view.pinned }
    : { list: view.list, visibility: view.visibility };
}

/** The view, locked; another member's private view is "not found" (its existence is private too). */
async function visibleView(tx: Queryable, member: SessionMember, viewId: number): Promise<SavedView> {
  const [view] = await tx.select().from(savedViews).where(eq(savedViews.id, viewId)).for("update");
  if (!view || (view.ownerId !== member.id && view.visibility === "private"))
    throw new NotFoundError(message("notFound.what.view"));
  return view;
}

async function ownView(
  tx: Queryable,
  member: SessionMember,
  viewId: number,
  verb: "rename" | "pin" | "unpin",
): Promise<SavedView> {
  const view = await visibleView(tx, member, viewId);
  if (view.ownerId !== member.id) throw new ForbiddenError("views.save", message("forbidden.notYourView", { verb }));
  return view;
}

/** Saves the list's current filters and sort under a name; sharing it with the team takes views.share. */
export const saveView = defineAction({
  permission: "views.save",
  schema: saveViewSchema,
  async run(input, { member, tx }) {
    if (input.shared && !can(member.role, "views.share"))
      throw new ForbiddenError("views.share", message("forbidden.privateViewsOnly"));
    const [created] = await tx
      .insert(savedViews)
      .values({
        ownerId: member.id,
        list: input.list,
        name: input.name,
        query: input.query,
        visibility: input.shared ? "shared" : "private",
        pinned: input.pinned,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw duplicateName(input.name);
    await recordAudit(tx, member, {
      action: "view.saved",
      entityType: "saved_view",
      entityId: created.id,
      after: audited(created),
    });
    const shared = created.visibility === "shared";
    const where = shared && created.pinned ? "sharedPinned" : shared ? "shared" : created.pinned ? "pinned" : "private";
    return { message: message("done.views.saved", { name: created.name, where }), data: { id: created.id } };
  },
});

export const renameView = defineAction({
  permission: "views.save",
  schema: renameViewSchema,
  async run({ viewId, name }, { member, tx }) {
    const before = await ownView(tx, member, viewId, "rename");
    const [taken] = await tx
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(
        and(
          eq(savedViews.ownerId, member.id),
          eq(savedViews.list, before.list),
          sql`lower(${savedViews.name}) = lower(${name})`,
          ne(savedViews.id, viewId),
        ),
      );
    if (taken) throw duplicateName(name);
    const [after] = await tx
      .update(savedViews)
      .set({ name, updatedAt: sql`now()` })
      .where(eq(savedViews.id, viewId))
      .returning();
    await recordAudit(tx, member, {
      action: "view.renamed",
      entityType: "saved_view",
      entityId: viewId,
      before: audited(before),
      after: audited(after),
    });
    return { message: message("done.views.renamed", { name: after.name }) };
  },
});

/** Pins a view in the owner's navigation, or takes it out. */
export const setViewPinned = defineAction({
  permission: "views.save",
  schema: pinViewSchema,
  async run({ viewId, pinned }, { member, tx }) {
    const before = await ownView(tx, member, viewId, pinned ? "pin" : "unpin");
    const [after] = await tx
      .update(savedViews)
      .set({ pinned, updatedAt: sql`now()` })
      .where(eq(savedViews.id, viewId))
      .returning();
    await recordAudit(tx, member, {
      action: pinned ? "view.pinned" : "view.unpinned",
      entityType: "saved_view",
      entityId: viewId,
      before: audited(before),
      after: audited(after),
    });
    return { message: message(pinned ? "done.views.pinned" : "done.views.unpinned", { name: after.name }) };
  },
});

/** Deletes one's own view; an admin may also delete a view another member shared with the team. */
export const deleteView = defineAction({
  permission: "views.save",
  schema: deleteViewSchema,
  async run({ viewId }, { member, tx }) {
    const view = await visibleView(tx, member, viewId);
    if (view.ownerId !== member.id && !can(member.role, "views.manage"))
      throw new ForbiddenError("views.manage", message("forbidden.deleteView"));
    await tx.delete(savedViews).where(eq(savedViews.id, viewId));
    await recordAudit(tx, member, {
      action: "view.deleted",
      entityType: "saved_view",
      entityId: viewId,
      before: audited(view),
    });
    return { message: message("done.views.deleted", { name: view.name }) };
  },
});
