import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { outreachMessages, playbooks, tasks, customers, type Job } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { emailCustomer } from "./send";

/**
 * A playbook's email step for the task it created. A refusal (fatigued, emailed lately, no address)
 * is final and noted on the task; a mail server's refusal throws, so the job is retried.
 */
export async function runPlaybookEmail(db: Database, job: Pick<Job, "payload">): Promise<void> {
  const taskId = Number((job.payload as { taskId?: unknown }).taskId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ task: tasks, playbook: playbooks })
      .from(tasks)
      .innerJoin(playbooks, eq(playbooks.id, tasks.playbookId))
      .where(eq(tasks.id, taskId));
    if (!row || !row.playbook.emailSubject || !row.playbook.emailBody) return;
    try {
      await emailCustomer(tx, {
        customerId: row.task.customerId,
        template: { subject: row.playbook.emailSubject, body: row.playbook.emailBody },
        actor: { id: null, label: `playbook: ${row.playbook.name}` },
        playbookId: row.playbook.id,
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await tx
        .update(tasks)
        .set({ note: sql`trim(${tasks.note} || ' Email step not sent: ' || ${error.message})`, updatedAt: sql`now()` })
        .where(eq(tasks.id, taskId));
    }
  });
}

/** After the last attempt: the email shows in the outbox as failed, with the mail server's answer. */
export async function recordPlaybookEmailFailure(db: Database, job: Pick<Job, "payload">, error: string) {
  const taskId = Number((job.payload as { taskId?: unknown }).taskId);
  const [row] = await db
    .select({ task: tasks, playbook: playbooks, email: customers.email })
    .from(tasks)
    .innerJoin(playbooks, eq(playbooks.id, tasks.playbookId))
    .innerJoin(customers, eq(customers.id, tasks.customerId))
    .where(eq(tasks.id, taskId));
  if (!row?.email) return;
  await db.insert(outreachMessages).values({
    customerId: row.task.customerId,
    toEmail: row.email,
    subject: row.playbook.emailSubject ?? "",
    body: row.playbook.emailBody ?? "",
    status: "failed",
    error,
    playbookId: row.playbook.id,
  });
}
