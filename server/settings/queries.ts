import type { Queryable } from "@/db";
import { referenceCached } from "@/db/reference-cache";
import { settings } from "@/db/schema";
import { DEFAULT_SETTINGS, type Settings, type SettingsKey, settingsSchema } from "@/lib/settings";

const readAllSettings = referenceCached((db) => db.select().from(settings));

/** Team settings with defaults for anything missing or unreadable. */
export async function getSettings<K extends SettingsKey>(
  db: Queryable,
  keys: readonly K[],
): Promise<Pick<Settings, K>> {
  const rows = await readAllSettings(db);
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
