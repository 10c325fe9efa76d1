export const DAY_MS = 86_400_000;

/** The book's time zone until an admin sets one in Settings (HOURGLASS_TIMEZONE, default UTC). */
export const DISPLAY_TIME_ZONE = process.env.HOURGLASS_TIMEZONE ?? "UTC";

export function daysSince(date: Date | string | null, now = new Date()): number | null {
  if (!date) return null;
  return Math.floor((now.getTime() - new Date(date).getTime()) / DAY_MS);
}
