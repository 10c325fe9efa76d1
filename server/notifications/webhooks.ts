import type { Queryable } from "@/db";
import { type Job, webhookDeliveries } from "@/db/schema";
import { webhookHeaders } from "@/lib/webhooks";
import { enqueueJob } from "@/server/jobs/queue";
import { getPreferences } from "./preferences";

type WebhookMessage = { memberId: number; key: string; event: string; text: string };

/** A webhook message as a job: Slack-compatible (`text`), with the event it announces. */
export function webhookJob({ memberId, key, event, text }: WebhookMessage) {
  return {
    kind: "webhook",
    key: `webhook:${key}`,
    payload: { memberId, body: JSON.stringify({ type: event, text }) },
    maxAttempts: 6,
  };
}

export async function enqueueWebhook(db: Queryable, message: WebhookMessage): Promise<void> {
  await enqueueJob(db, webhookJob(message));
}

const TIMEOUT_MS = 10_000;

/** Why an attempt got no HTTP answer, as logged (the delivery log shows them in the member's language). */
export const WEBHOOK_ERRORS = { timeout: "No answer within 10 seconds", unreachable: "Could not connect" } as const;

/**
 * One attempt to post a webhook job to the member's URL, signed per Standard Webhooks with the
 * member's secret. Every attempt is logged with its status code; anything but 2xx throws, so the
 * job is retried with back-off. The message id stays the same across retries, so receivers can
 * drop duplicates.
 */
export async function deliverWebhook(db: Queryable, job: Pick<Job, "id" | "payload" | "attempts">): Promise<void> {
  const { memberId, body } = job.payload as { memberId: number; body: string };
  const { webhookUrl, webhookSecret } = await getPreferences(db, { memberId });
  if (!webhookUrl || !webhookSecret) return;
  const messageId = `msg_${job.id}`;
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: webhookHeaders(webhookSecret, messageId, body),
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "manual",
    });
    statusCode = response.status;
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (failure) {
    error =
      failure instanceof Error && failure.name === "TimeoutError" ? WEBHOOK_ERRORS.timeout : WEBHOOK_ERRORS.unreachable;
  }
  await db.insert(webhookDeliveries).values({
    memberId,
    jobId: job.id,
    messageId,
    url: webhookUrl,
    attempt: job.attempts,
    statusCode,
    error,
    payload: JSON.parse(body),
  });
  if (error) throw new Error(error);
}
