export const DAY_MS = 86_400_000;

/** Dates shown in one time zone (HOURGLASS_TIMEZONE, default UTC) so server and browser render alike. */
export const DISPLAY_TIME_ZONE = process.env.HOURGLASS_TIMEZONE ?? "UTC";

export function daysSince(date: Date | string | null, now = new Date()): number | null {
  if (!date) return null;
  return Math.floor((now.getTime() - new Date(date).getTime()) / DAY_MS);
}
