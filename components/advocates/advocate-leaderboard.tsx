import { countOf } from "@/lib/format";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getLeaderboard } from "@/server/advocacy/queries";

/** The most active advocates of the last 90 days. */
export async function AdvocateLeaderboard() {
  const db = await readDb();
  const leaders = await getLeaderboard(db);
  return (
    <Card title="Leaderboard: last 90 days">
      {leaders.length === 0 ? (
        <p className="text-sm text-slate-600">No community activity in the last 90 days.</p>
      ) : (
        <ol className="space-y-1 text-sm" aria-label="Leaderboard">
          {leaders.map((l, index) => (
            <li key={l.customerId} className="flex justify-between gap-2" data-testid="leader">
              <span>
                <span className="mr-2 tabular-nums text-slate-500">{index + 1}.</span>
                <Link href={`/advocates/${l.customerId}`} className="font-medium text-brand-700 hover:underline">
                  {l.customerName}
                </Link>
              </span>
              <span className="tabular-nums text-slate-600">
                {countOf(l.activities, "activity", "activities")}
                {l.referrals ? ` · ${countOf(l.referrals, "referral")}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
