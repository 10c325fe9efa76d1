import "server-only";
import { sql } from "drizzle-orm";
import { db, type Queryable } from "@/db";
import { type ReplicaHealth, replicaHealth } from "@/db/replicas";

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(db: Queryable): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  return Promise.race([query, timeout]);
}

/**
 * What /api/health answers: 200 while the primary answers, with each read replica's state. A
 * replica that is down or behind only sends reads back to the primary: the app is still up.
 */
export async function healthReport(): Promise<{ status: number; body: HealthBody }> {
  const [ok, replicas] = await Promise.all([checkDatabase(db), replicaHealth()]);
  return { status: ok ? 200 : 503, body: { db: ok ? "ok" : "unavailable", replicas } };
}

type HealthBody = { db: "ok" | "unavailable"; replicas: ReplicaHealth[] };
