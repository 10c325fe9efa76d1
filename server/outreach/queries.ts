import "server-only";
import { desc, eq, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { customers, members, outreachMessages, playbooks } from "@/db/schema";

const sender = alias(members, "sender");

/** Emails to customers, newest first, 25 to a page by keyset (the id of the last one shown). */
export async function getOutbox(db: Queryable, { before, limit = 25 }: { before?: number; limit?: number }) {
  const rows = await db
    .select({
      id: outreachMessages.id,
      createdAt: outreachMessages.createdAt,
      toEmail: outreachMessages.toEmail,
      subject: outreachMessages.subject,
      body: outreachMessages.body,
      status: outreachMessages.status,
      error: outreachMessages.error,
      customerId: customers.id,
      customerName: customers.name,
      senderName: sender.name,
      playbookName: playbooks.name,
    })
    .from(outreachMessages)
    .innerJoin(customers, eq(customers.id, outreachMessages.customerId))
    .leftJoin(sender, eq(sender.id, outreachMessages.sentById))
    .leftJoin(playbooks, eq(playbooks.id, outreachMessages.playbookId))
    .where(before ? lt(outreachMessages.id, before) : undefined)
    .orderBy(desc(outreachMessages.id))
    .limit(limit + 1);
  return { messages: rows.slice(0, limit), more: rows.length > limit };
}
