import { inArray } from "drizzle-orm";
import { cache } from "react";
import { db as sharedDb, type Queryable } from "@/db";
import { settings } from "@/db/schema";
import { DEFAULT_SETTINGS, type Settings, type SettingsKey, settingsSchema } from "@/lib/settings";

// A page reads the settings in several places; while React renders it they are read once. (Outside
// a render, in a server action or a transaction, every call reads them afresh.)
const readAllSettings = cache(() => sharedDb.select().from(settings));

/** Team settings with defaults for anything missing or unreadable. */
export async function getSettings<K extends SettingsKey>(
  db: Queryable,
  keys: readonly K[],
): Promise<Pick<Settings, K>> {
  const rows =
    db === sharedDb
      ? await readAllSettings()
      : await db
          .select()
          .from(settings)
          .where(inArray(settings.key, keys as unknown as string[]));
  const result = {} as Pick<Settings, K>;
  for (const key of keys) {
    // Stored values over defaults, so a setting added later gets its default and keeps the rest.
    const stored = rows.find((row) => row.key === key)?.value;
    const parsed = settingsSchema[key].safeParse({
      ...DEFAULT_SETTINGS[key],
      ...(typeof stored === "object" ? stored : {}),
    });
    result[key] = (parsed.success ? parsed.data : DEFAULT_SETTINGS[key]) as Settings[K];
  }
  return result;
}
