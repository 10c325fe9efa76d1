import { db } from "@/db";
import { getPinnedViews } from "@/server/views/queries";
import { PinnedViewLinks } from "./pinned-view-links";

/** The member's pinned views, under "Views" in the main navigation (nothing when none is pinned). */
export async function PinnedViews({ memberId }: { memberId: number }) {
  const views = await getPinnedViews(db, { memberId });
  return views.length > 0 ? <PinnedViewLinks views={views} /> : null;
}
