import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import type { SavedViewList } from "@/lib/saved-views";
import { getListViews } from "@/server/views/queries";
import { SavedViewsBar } from "./saved-views-bar";

/** A list's "Views" menu and "Save view" form: the member's own views and the ones the team shared. */
export async function SavedViews({ list, member }: { list: SavedViewList; member: SessionMember }) {
  const db = await readDb();
  const { mine, shared } = await getListViews(db, { memberId: member.id, list });
  return (
    <SavedViewsBar
      list={list}
      mine={mine}
      shared={shared}
      canShare={can(member.role, "views.share")}
      canDeleteShared={can(member.role, "views.manage")}
    />
  );
}
