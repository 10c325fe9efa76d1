import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { readDb } from "@/server/reads/read-db";
import { unlessDatabaseUnavailable } from "@/db/connection-error";
import { getFormat } from "@/server/i18n/format";
import { getUnreadCount } from "@/server/notifications/queries";

/** The header's bell: unread alerts, linking to them. */
export async function Bell({ memberId }: { memberId: number }) {
  const db = await readDb();
  const unread = await unlessDatabaseUnavailable(getUnreadCount(db, { memberId }));
  if (unread === null) return null;
  const [t, f] = await Promise.all([getTranslations("notifications.bell"), getFormat()]);
  // The count stops at 100: more reads "99+".
  const shown = unread >= 100 ? `${f.number(99)}+` : f.number(unread);
  const label = unread === 0 ? t("noneUnread") : t("unread", { count: shown });
  return (
    <Link
      href="/settings/notifications#alerts"
      aria-label={label}
      title={label}
      className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100"
      data-testid="bell"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute -right-1 -top-1 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
