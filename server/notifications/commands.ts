import { and, eq, isNull, sql } from "drizzle-orm";
import { memberPreferences, notifications } from "@/db/schema";
import { newWebhookSecret } from "@/lib/webhooks";
import { noFieldsSchema, preferencesSchema } from "@/lib/validation/notifications";
import { message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { getPreferences } from "./preferences";
import { enqueueWebhook } from "./webhooks";

/** A member's own preferences; a webhook URL gets a signing secret the first time. */
export const savePreferences = defineAction({
  permission: "notifications.own",
  schema: preferencesSchema,
  async run(input, { member, tx }) {
    const before = await getPreferences(tx, { memberId: member.id });
    const webhookSecret = input.webhookUrl ? (before.webhookSecret ?? newWebhookSecret()) : before.webhookSecret;
    const values = { ...input, webhookSecret, updatedAt: sql`now()` };
    await tx
      .insert(memberPreferences)
      .values({ memberId: member.id, ...values })
      .onConflictDoUpdate({ target: memberPreferences.memberId, set: values });
    await recordAudit(tx, member, {
      action: "preferences.updated",
      entityType: "member",
      entityId: member.id,
      before: { ...before, webhookSecret: undefined },
      after: input,
    });
    return { message: message("done.notifications.settingsSaved") };
  },
});

/** A new signing secret: receivers must switch to it; the old one stops verifying at once. */
export const rotateWebhookSecret = defineAction({
  permission: "notifications.own",
  schema: noFieldsSchema,
  async run(_input, { member, tx }) {
    const current = await getPreferences(tx, { memberId: member.id });
    if (!current.webhookUrl) throw new ValidationError(message("notifications.webhookFirst"), {});
    await tx
      .update(memberPreferences)
      .set({ webhookSecret: newWebhookSecret(), updatedAt: sql`now()` })
      .where(eq(memberPreferences.memberId, member.id));
    await recordAudit(tx, member, { action: "webhook.secret_rotated", entityType: "member", entityId: member.id });
    return { message: message("done.notifications.secretMade") };
  },
});

/** Posts a test message to the member's webhook (through the queue, so it is retried and logged like any other). */
export const sendTestWebhook = defineAction({
  permission: "notifications.own",
  schema: noFieldsSchema,
  async run(_input, { member, tx, say }) {
    const current = await getPreferences(tx, { memberId: member.id });
    if (!current.webhookUrl) throw new ValidationError(message("notifications.webhookFirst"), {});
    const key = `test:${member.id}:${Date.now()}`;
    await enqueueWebhook(tx, {
      memberId: member.id,
      key,
      event: "test",
      text: say(message("done.notifications.testText", { name: member.name })),
    });
    await recordAudit(tx, member, { action: "webhook.test_queued", entityType: "member", entityId: member.id });
    return { message: message("done.notifications.testQueued") };
  },
});

export const markNotificationsRead = defineAction({
  permission: "notifications.own",
  schema: noFieldsSchema,
  async run(_input, { member, tx }) {
    const read = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.memberId, member.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    await recordAudit(tx, member, {
      action: "notifications.read",
      entityType: "member",
      entityId: member.id,
      after: { count: read.length },
    });
    return {
      message:
        read.length === 0
          ? message("done.notifications.nothingUnread")
          : message("done.notifications.markedRead", { count: read.length }),
    };
  },
});
