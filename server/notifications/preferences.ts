import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { memberPreferences } from "@/db/schema";
import { DISPLAY_TIME_ZONE } from "@/lib/dates";
import { localDay } from "@/lib/tasks";

export type Preferences = {
  timeZone: string;
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
      timeZone: DISPLAY_TIME_ZONE,
      digestEmail: true,
      inAppAlerts: true,
      webhookUrl: null,
      webhookSecret: null,
    }
  );
}

/** Today's date (YYYY-MM-DD) where the member is. */
export async function memberToday(db: Queryable, memberId: number, now = new Date()): Promise<string> {
  return localDay(now, (await getPreferences(db, { memberId })).timeZone);
}
