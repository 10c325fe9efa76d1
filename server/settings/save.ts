import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { settings } from "@/db/schema";
import type { SessionMember } from "@/lib/permissions";
import type { Settings, SettingsKey } from "@/lib/settings";
import { recordAudit } from "@/server/audit/record";
import { getSettings } from "./queries";

/** One section of the team's settings replaced, with who did it and the before and after in the audit log. */
export async function saveSettingsSection<K extends SettingsKey>(
  tx: Queryable,
  member: SessionMember,
  key: K,
  value: Settings[K],
): Promise<void> {
  const { [key]: before } = await getSettings(tx, [key]);
  await tx
    .insert(settings)
    .values({ key, value, updatedById: member.id })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()`, updatedById: member.id } });
  await recordAudit(tx, member, {
    action: "settings.updated",
    entityType: "settings",
    entityId: key,
    before,
    after: value,
  });
}
