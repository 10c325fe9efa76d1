import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { getLeaderboard } from "@/server/advocacy/queries";

/** The most active advocates of the last 90 days. */
export async function AdvocateLeaderboard() {
  const db = await readDb();
  const [leaders, t, f] = await Promise.all([
    getLeaderboard(db),
    getTranslations("advocates.leaderboard"),
    getFormat(),
  ]);
  return (
    <Card title={t("title")}>
      {leaders.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-1 text-sm" aria-label={t("aria")}>
          {leaders.map((l, index) => (
            <li key={l.customerId} className="flex justify-between gap-2" data-testid="leader">
              <span>
                <span className="mr-2 tabular-nums text-slate-500">{t("rank", { rank: f.number(index + 1) })}</span>
                <Link href={`/advocates/${l.customerId}`} className="font-medium text-brand-700 hover:underline">
                  {l.customerName}
                </Link>
              </span>
              <span className="tabular-nums text-slate-600">
                {t("activities", { count: l.activities })}
                {l.referrals ? ` · ${t("referrals", { count: l.referrals })}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
