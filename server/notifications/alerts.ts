import { eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { memberPreferences, members } from "@/db/schema";
import type { EmailText } from "@/lib/email-text";
import { baseUrl } from "./base-url";
import { enqueueJobs } from "@/server/jobs/queue";
import { getSettings } from "@/server/settings/queries";
import { textFor } from "./member-messages";
import { webhookJob } from "./webhooks";

/**
 * Where a new task came from, said in the assignee's language: added by a member, a suggested step
 * a member added, a playbook, or someone through the API. A plain string is shown as it is.
 */
export type TaskAlertSource =
  { kind: "added" | "suggested"; by: string } | { kind: "playbook"; playbook: string } | { kind: "api"; by: string };

export type TaskAlert = {
  taskId: number;
  assigneeId: number;
  title: string;
  customerId: number;
  from: string | TaskAlertSource;
};

function sourceText({ t }: EmailText, from: TaskAlert["from"]): string {
  if (typeof from === "string") return from;
  switch (from.kind) {
    case "added":
      return t("taskAlert.addedBy", { name: from.by });
    case "suggested":
      return t("taskAlert.suggestedBy", { name: from.by });
    case "playbook":
      return t("taskAlert.fromPlaybook", { playbook: from.playbook });
    case "api":
      return t("taskAlert.fromApi", { name: from.by });
  }
}

/**
 * Tells assignees about new tasks, each in their own language: in their bell (unless they switched
 * in-app alerts off) and on their webhook when they have one. One statement each, however many
 * tasks (a playbook's pass over the whole book creates thousands).
 */
export async function alertTaskAssigned(db: Queryable, alerts: TaskAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  const [assignees, { book }] = await Promise.all([
    db
      .select({
        id: members.id,
        locale: members.locale,
        timeZone: members.timeZone,
        inAppAlerts: memberPreferences.inAppAlerts,
        webhookUrl: memberPreferences.webhookUrl,
      })
      .from(members)
      .leftJoin(memberPreferences, eq(memberPreferences.memberId, members.id))
      .where(inArray(members.id, [...new Set(alerts.map((alert) => alert.assigneeId))])),
    getSettings(db, ["book"]),
  ]);
  const byId = new Map(assignees.map((row) => [row.id, row]));
  const of = (memberId: number) => byId.get(memberId);
  const texts = new Map<number, EmailText>();
  for (const assignee of assignees) texts.set(assignee.id, await textFor(assignee, book));
  const english = await textFor({ locale: null, timeZone: null }, book);
  const textOf = (alert: TaskAlert) => texts.get(alert.assigneeId) ?? english;
  const bellAlerts = alerts.filter((alert) => of(alert.assigneeId)?.inAppAlerts ?? true);
  if (bellAlerts.length > 0) {
    // As one JSON parameter: a row of values per alert would pass Postgres's 65,535 parameters.
    const rows = bellAlerts.map((alert) => ({
      member_id: alert.assigneeId,
      key: `task:${alert.taskId}`,
      title: textOf(alert).t("taskAlert.title", { title: alert.title }),
      body: sourceText(textOf(alert), alert.from),
      href: `/customers/${alert.customerId}`,
    }));
    await db.execute(sql`insert into notifications (member_id, key, title, body, href)
      select v.member_id, v.key, v.title, v.body, v.href
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(member_id int, key text, title text, body text, href text)
      on conflict do nothing`);
  }
  await enqueueJobs(
    db,
    alerts
      .filter((alert) => of(alert.assigneeId)?.webhookUrl)
      .map((alert) =>
        webhookJob({
          memberId: alert.assigneeId,
          key: `task:${alert.taskId}`,
          event: "task.assigned",
          text: textOf(alert).t("taskAlert.webhook", {
            title: alert.title,
            from: sourceText(textOf(alert), alert.from),
            link: `${baseUrl()}/customers/${alert.customerId}`,
          }),
        }),
      ),
  );
}
