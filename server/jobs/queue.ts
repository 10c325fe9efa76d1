import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { type Job, jobs } from "@/db/schema";

type NewJob = { kind: string; key: string; payload?: Record<string, unknown>; runAt?: Date; maxAttempts?: number };

/**
 * Adds jobs unless one with the same key exists (ever): enqueueing twice, from two processes or
 * after a restart, is one job. Returns how many were new.
 */
export async function enqueueJobs(db: Queryable, list: NewJob[]): Promise<number> {
  if (list.length === 0) return 0;
  const created = await db
    .insert(jobs)
    .values(
      list.map((job) => ({
        kind: job.kind,
        key: job.key,
        payload: job.payload ?? {},
        runAt: job.runAt,
        maxAttempts: job.maxAttempts,
      })),
    )
    .onConflictDoNothing({ target: jobs.key })
    .returning({ id: jobs.id });
  return created.length;
}

export async function enqueueJob(db: Queryable, job: NewJob): Promise<boolean> {
  return (await enqueueJobs(db, [job])) > 0;
}

/** How long a claimed job is hidden from other workers: a worker that dies mid-job leaves it to be retried after this. */
const LEASE_SECONDS = 120;

/**
 * Claims up to `limit` due jobs for this worker: `for update skip locked`, so two processes never
 * claim the same job, and the lease moves `run_at` ahead so a crashed worker's job comes back.
 */
export async function claimJobs(db: Queryable, { limit = 10 }: { limit?: number } = {}) {
  return queryRows<Job>(
    db,
    sql`update jobs j set attempts = j.attempts + 1, run_at = now() + make_interval(secs => ${LEASE_SECONDS})
      where j.id in (
        select id from jobs where status = 'queued' and run_at <= now()
        order by run_at, id limit ${limit} for update skip locked)
      returning j.id, j.kind, j.key, j.payload, j.status, j.run_at as "runAt", j.attempts, j.max_attempts as "maxAttempts",
        j.last_error as "lastError", j.created_at as "createdAt", j.finished_at as "finishedAt"`,
  );
}

export async function completeJob(db: Queryable, id: number): Promise<void> {
  await db.execute(sql`update jobs set status = 'done', finished_at = now(), last_error = null where id = ${id}`);
}

/** Back-off between attempts: 30 s, 1 min, 2 min, 4 min, … capped at an hour. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
}

/** A failed attempt: retried after the back-off, or given up (status failed) after the last attempt. True when given up. */
export async function failJob(db: Queryable, job: Pick<Job, "id" | "attempts" | "maxAttempts">, error: string) {
  const last = job.attempts >= job.maxAttempts;
  await db.execute(sql`update jobs set last_error = ${error.slice(0, 1000)},
      status = ${last ? "failed" : "queued"}::job_status,
      finished_at = ${last ? sql`now()` : sql`null`},
      run_at = now() + make_interval(secs => ${retryDelaySeconds(job.attempts)})
    where id = ${job.id}`);
  return last;
}
