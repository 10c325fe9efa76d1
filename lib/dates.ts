export const DAY_MS = 86_400_000;

/** Dates shown in one time zone (HOURGLASS_TIMEZONE, default UTC) so server and browser render alike. */
export const DISPLAY_TIME_ZONE = process.env.HOURGLASS_TIMEZONE ?? "UTC";

function parts(date: Date, timeZone: string) {
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "2-digit",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const map = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return map as Record<"year" | "month" | "day" | "weekday" | "hour" | "minute", string>;
}

export function formatDay(iso: string | Date, timeZone = DISPLAY_TIME_ZONE): string {
  const p = parts(new Date(iso), timeZone);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

export function formatTime(iso: string | Date, timeZone = DISPLAY_TIME_ZONE): string {
  const p = parts(new Date(iso), timeZone);
  return `${p.hour}:${p.minute}`;
}

export function formatDate(iso: string | Date | null, timeZone = DISPLAY_TIME_ZONE): string {
  if (!iso) return "—";
  const p = parts(new Date(iso), timeZone);
  return `${p.day} ${p.month} ${p.year}`;
}

export function daysSince(date: Date | string | null, now = new Date()): number | null {
  if (!date) return null;
  return Math.floor((now.getTime() - new Date(date).getTime()) / DAY_MS);
}
