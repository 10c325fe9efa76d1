import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { memberPreferences, notifications } from "@/db/schema";
import { baseUrl } from "./base-url";
import { enqueueJobs } from "@/server/jobs/queue";
import { webhookJob } from "./webhooks";

export type TaskAlert = { taskId: number; assigneeId: number; title: string; customerId: number; from: string };

/**
 * Tells assignees about new tasks: in their bell (unless they switched in-app alerts off, the SQL in
 * server/playbooks/evaluate.ts does the same for playbook tasks) and on their webhook when they have one.
 */
export async function alertTaskAssigned(db: Queryable, alerts: TaskAlert[], { bell = true } = {}): Promise<void> {
  if (alerts.length === 0) return;
  const preferences = await db
    .select()
    .from(memberPreferences)
    .where(inArray(memberPreferences.memberId, [...new Set(alerts.map((alert) => alert.assigneeId))]));
  const of = (memberId: number) => preferences.find((row) => row.memberId === memberId);
  const bellAlerts = bell ? alerts.filter((alert) => of(alert.assigneeId)?.inAppAlerts ?? true) : [];
  if (bellAlerts.length > 0)
    await db
      .insert(notifications)
      .values(
        bellAlerts.map((alert) => ({
          memberId: alert.assigneeId,
          key: `task:${alert.taskId}`,
          title: `New task: ${alert.title}`,
          body: alert.from,
          href: `/customers/${alert.customerId}`,
        })),
      )
      .onConflictDoNothing();
  await enqueueJobs(
    db,
    alerts
      .filter((alert) => of(alert.assigneeId)?.webhookUrl)
      .map((alert) =>
        webhookJob({
          memberId: alert.assigneeId,
          key: `task:${alert.taskId}`,
          event: "task.assigned",
          text: `New task: ${alert.title} (${alert.from}) ${baseUrl()}/customers/${alert.customerId}`,
        }),
      ),
  );
}
