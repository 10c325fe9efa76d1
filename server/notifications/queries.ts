import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { notifications, webhookDeliveries } from "@/db/schema";

/** The member's latest alerts, unread ones marked. */
export async function getNotifications(db: Queryable, { memberId, limit = 20 }: { memberId: number; limit?: number }) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.memberId, memberId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** How many alerts the member has not read (the bell's number), counted up to 100. */
export async function getUnreadCount(db: Queryable, { memberId }: { memberId: number }): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(
    db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.memberId, memberId), isNull(notifications.readAt)))
      .limit(100)
      .as("unread"),
  );
  return row.count;
}

/** The member's webhook delivery log: every attempt with its answer, newest first. */
export async function getWebhookDeliveries(
  db: Queryable,
  { memberId, limit = 20 }: { memberId: number; limit?: number },
) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.memberId, memberId))
    .orderBy(desc(webhookDeliveries.at), desc(webhookDeliveries.id))
    .limit(limit);
}
