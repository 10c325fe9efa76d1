import { readDb } from "@/server/reads/read-db";
import { unlessDatabaseUnavailable } from "@/db/connection-error";
import { getPinnedViews } from "@/server/views/queries";
import { PinnedViewLinks } from "./pinned-view-links";

/** The member's pinned views, under "Views" in the main navigation (nothing when none is pinned). */
export async function PinnedViews({ memberId }: { memberId: number }) {
  const db = await readDb();
  const views = await unlessDatabaseUnavailable(getPinnedViews(db, { memberId }));
  return views && views.length > 0 ? <PinnedViewLinks views={views} /> : null;
}
