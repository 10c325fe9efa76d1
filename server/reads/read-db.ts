import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Database } from "@/db";
import { hasReplicas, readerFor, readYourWritesMs } from "@/db/replicas";

/** When this browser's member last wrote (ms since the epoch): read-your-writes across requests. */
const LAST_WRITE_COOKIE = "hg-last-write";

/** Within one request: an action that wrote makes the page it renders afterwards read the primary. */
const wroteInThisRequest = cache(() => ({ wrote: false }));

/**
 * The database a page reads: a read replica when DATABASE_REPLICA_URLS names a healthy one and
 * this member has not written in the last few seconds, else the primary. Once per request.
 */
export const readDb = cache(async (): Promise<Database> => {
  if (wroteInThisRequest().wrote) return readerFor({ lastWriteAt: Date.now() });
  const cookie = Number((await cookies()).get(LAST_WRITE_COOKIE)?.value);
  return readerFor({ lastWriteAt: Number.isFinite(cookie) && cookie > 0 ? cookie : null });
});

/**
 * Called after a member's write commits: their next pages read the primary until replicas have
 * it. Returns whether it set the cookie that says so (only with replicas: without them every read
 * is on the primary), which makes Next.js render the page again inside the action's answer.
 */
export async function rememberWrite(): Promise<boolean> {
  wroteInThisRequest().wrote = true;
  if (!hasReplicas()) return false;
  (await cookies()).set(LAST_WRITE_COOKIE, String(Date.now()), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: Math.ceil(readYourWritesMs() / 1000),
  });
  return true;
}
