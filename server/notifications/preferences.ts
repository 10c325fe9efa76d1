import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { memberPreferences, members } from "@/db/schema";
import { isTimeZone } from "@/lib/i18n/zones";
import { localDay } from "@/lib/tasks";
import { getSettings } from "@/server/settings/queries";

export type Preferences = {
  digestEmail: boolean;
  inAppAlerts: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
};

/** A member's notification preferences, with the defaults for one who never saved any. */
export async function getPreferences(db: Queryable, { memberId }: { memberId: number }): Promise<Preferences> {
  const [row] = await db.select().from(memberPreferences).where(eq(memberPreferences.memberId, memberId));
  return (
    row ?? {
      digestEmail: true,
      inAppAlerts: true,
      webhookUrl: null,
      webhookSecret: null,
    }
  );
}

/** The member's time zone (Settings → Your account), else the book's. */
export async function memberTimeZone(db: Queryable, memberId: number): Promise<string> {
  const [[row], { book }] = await Promise.all([
    db.select({ timeZone: members.timeZone }).from(members).where(eq(members.id, memberId)),
    getSettings(db, ["book"]),
  ]);
  return row?.timeZone && isTimeZone(row.timeZone) ? row.timeZone : book.timeZone;
}

/** Today's date (YYYY-MM-DD) where the member is. */
export async function memberToday(db: Queryable, memberId: number, now = new Date()): Promise<string> {
  return localDay(now, await memberTimeZone(db, memberId));
}
