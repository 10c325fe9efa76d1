import type { Database } from "@/db";
import type { Job } from "@/db/schema";
import { foldTallies } from "@/server/customers/tallies";
import { deliverDigest, enqueueDueDigests } from "@/server/notifications/digest";
import { deliverWebhook } from "@/server/notifications/webhooks";
import { recordPlaybookEmailFailure, runPlaybookEmail } from "@/server/outreach/playbook-email";
import { claimJobs, completeJob, failJob } from "./queue";

const HANDLERS: Record<string, (db: Database, job: Job) => Promise<void>> = {
  digest: deliverDigest,
  webhook: deliverWebhook,
  playbook_email: runPlaybookEmail,
};

/** Runs the jobs that are due, a batch at a time, until none is left; returns how many ran. */
export async function runDueJobs(db: Database, { batch = 10, maxBatches = 20 } = {}): Promise<number> {
  let ran = 0;
  for (let round = 0; round < maxBatches; round++) {
    const claimed = await claimJobs(db, { limit: batch });
    if (claimed.length === 0) break;
    for (const job of claimed) {
      ran++;
      const handler = HANDLERS[job.kind];
      try {
        if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
        await handler(db, job);
        await completeJob(db, job.id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const gaveUp = await failJob(db, job, message);
        if (gaveUp && job.kind === "playbook_email") await recordPlaybookEmailFailure(db, job, message);
        if (gaveUp) console.error(`Hourglass: job ${job.key} failed after ${job.attempts} attempts: ${message}`);
      }
    }
  }
  return ran;
}

/** One tick of the background worker: the tallies folded, today's digests enqueued where it is 08:00 or later, then every due job. */
export async function workTick(db: Database): Promise<number> {
  // Every half minute, so the book's tallies never carry more than half a minute of deltas.
  await foldTallies(db);
  await enqueueDueDigests(db);
  return runDueJobs(db);
}
