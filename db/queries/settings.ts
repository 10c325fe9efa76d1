import { inArray } from "drizzle-orm";
import { DEFAULT_SETTINGS, type Settings, type SettingsKey, settingsSchema } from "@/lib/settings";
import { db, type Queryable } from "../index";
import { settings } from "../schema";

/** Team settings with defaults for anything missing or unreadable. */
export async function getSettings<K extends SettingsKey>(keys: readonly K[], runner: Queryable = db): Promise<Pick<Settings, K>> {
  const rows = await runner.select().from(settings).where(inArray(settings.key, keys as unknown as string[]));
  const result = {} as Pick<Settings, K>;
  for (const key of keys) {
    // Stored values over defaults, so a setting added later gets its default and keeps the rest.
    const stored = rows.find((row) => row.key === key)?.value;
    const parsed = settingsSchema[key].safeParse({ ...DEFAULT_SETTINGS[key], ...(typeof stored === "object" ? stored : {}) });
    result[key] = (parsed.success ? parsed.data : DEFAULT_SETTINGS[key]) as Settings[K];
  }
  return result;
}
