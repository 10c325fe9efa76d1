import "server-only";
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { members, savedViews } from "@/db/schema";
import type { SavedViewList } from "@/lib/saved-views";

const viewColumns = {
  id: savedViews.id,
  name: savedViews.name,
  list: savedViews.list,
  query: savedViews.query,
  visibility: savedViews.visibility,
  pinned: savedViews.pinned,
  ownerId: savedViews.ownerId,
  ownerName: members.name,
};

export type ViewSummary = {
  id: number;
  name: string;
  list: SavedViewList;
  query: string;
  visibility: "private" | "shared";
  pinned: boolean;
  ownerId: number;
  ownerName: string;
};

/** The views a member sees on one list: their own (private or shared) and the ones teammates shared, by name. */
export async function getListViews(
  db: Queryable,
  { memberId, list }: { memberId: number; list: SavedViewList },
): Promise<{ mine: ViewSummary[]; shared: ViewSummary[] }> {
  const rows = await db
    .select(viewColumns)
    .from(savedViews)
    .innerJoin(members, eq(members.id, savedViews.ownerId))
    .where(and(eq(savedViews.list, list), or(eq(savedViews.ownerId, memberId), eq(savedViews.visibility, "shared"))))
    .orderBy(sql`lower(${savedViews.name})`, asc(savedViews.id));
  return { mine: rows.filter((r) => r.ownerId === memberId), shared: rows.filter((r) => r.ownerId !== memberId) };
}

/** The views a member pinned, for their navigation: by list, then name. */
export async function getPinnedViews(
  db: Queryable,
  { memberId }: { memberId: number },
): Promise<Pick<ViewSummary, "id" | "name" | "list" | "query">[]> {
  return db
    .select({ id: savedViews.id, name: savedViews.name, list: savedViews.list, query: savedViews.query })
    .from(savedViews)
    .where(and(eq(savedViews.ownerId, memberId), eq(savedViews.pinned, true)))
    .orderBy(asc(savedViews.list), sql`lower(${savedViews.name})`, asc(savedViews.id));
}
