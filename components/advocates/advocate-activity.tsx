import { Link } from "@/components/ui/link";
import { ActivityForm } from "@/components/advocates/activity-form";
import { AskForm } from "@/components/advocates/ask-form";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { ASK_KIND_LABELS, ASK_OUTCOME_LABELS, COMMUNITY_KIND_LABELS, quarterStart } from "@/lib/advocacy";
import { formatDate } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { getAdvocateActivity } from "@/server/advocacy/queries";
import { getSettings } from "@/server/settings/queries";

/** What an advocate did in the community and what they were asked, with the forms to log both. */
export async function AdvocateActivity({
  customer,
  member,
}: {
  customer: { id: number; askCapacity: number | null };
  member: SessionMember;
}) {
  const db = await readDb();
  const [{ activities, asks }, { advocacy }] = await Promise.all([
    getAdvocateActivity(db, { customerId: customer.id }),
    getSettings(db, ["advocacy"]),
  ]);
  const canWrite = can(member.role, "advocacy.write");
  const capacity = customer.askCapacity ?? advocacy.askCapacity;
  const since = quarterStart(new Date()).toISOString();
  const used = asks.filter((a) => a.askedAt >= since.slice(0, 10)).length;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Community activity">
        {canWrite ? <ActivityForm customerId={customer.id} /> : null}
        <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Recent community activity">
          {activities.map((a) => (
            <li key={a.id} className="py-1.5">
              <span className="text-slate-500">{formatDate(a.occurredAt)}</span> ·{" "}
              {COMMUNITY_KIND_LABELS[a.kind as keyof typeof COMMUNITY_KIND_LABELS] ?? a.kind}
              {a.referredId ? (
                <>
                  {" "}
                  —{" "}
                  <Link href={`/customers/${a.referredId}`} className="text-brand-700 underline">
                    {a.referredName}
                  </Link>
                </>
              ) : null}
              {a.note ? <span className="text-slate-600"> — {a.note}</span> : null}
            </li>
          ))}
          {activities.length === 0 ? <li className="py-1.5 text-slate-600">Nothing logged yet.</li> : null}
        </ul>
      </Card>
      <Card title="Asks">
        {canWrite ? (
          <AskForm customerId={customer.id} used={used} capacity={capacity} />
        ) : (
          <p className="text-sm text-slate-600">
            {used} of {capacity} asks used this quarter.
          </p>
        )}
        <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Recent asks">
          {asks.map((a) => (
            <li key={a.id} className="py-1.5">
              <span className="text-slate-500">{formatDate(a.askedAt)}</span> ·{" "}
              {ASK_KIND_LABELS[a.kind as keyof typeof ASK_KIND_LABELS]} ·{" "}
              {ASK_OUTCOME_LABELS[a.outcome as keyof typeof ASK_OUTCOME_LABELS]}
              {a.note ? ` — ${a.note}` : ""}
            </li>
          ))}
          {asks.length === 0 ? <li className="py-1.5 text-slate-600">No asks yet.</li> : null}
        </ul>
      </Card>
    </div>
  );
}
