import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { ActivityForm } from "@/components/advocates/activity-form";
import { AskForm } from "@/components/advocates/ask-form";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { ASK_KINDS, ASK_OUTCOMES, COMMUNITY_ACTIVITY_KINDS, quarterStart } from "@/lib/advocacy";
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
  const [{ activities, asks }, { advocacy }, t, tl, f] = await Promise.all([
    getAdvocateActivity(db, { customerId: customer.id }),
    getSettings(db, ["advocacy"]),
    getTranslations("advocates"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const kindLabel = (kind: string) =>
    (COMMUNITY_ACTIVITY_KINDS as readonly string[]).includes(kind)
      ? tl(`communityKinds.${kind as (typeof COMMUNITY_ACTIVITY_KINDS)[number]}`)
      : kind;
  const canWrite = can(member.role, "advocacy.write");
  const capacity = customer.askCapacity ?? advocacy.askCapacity;
  const since = quarterStart(new Date()).toISOString();
  const used = asks.filter((a) => a.askedAt >= since.slice(0, 10)).length;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("activity.title")}>
        {canWrite ? <ActivityForm customerId={customer.id} /> : null}
        <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label={t("activity.aria")}>
          {activities.map((a) => (
            <li key={a.id} className="py-1.5">
              <span className="text-slate-500">{f.date(a.occurredAt)}</span> · {kindLabel(a.kind)}
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
          {activities.length === 0 ? <li className="py-1.5 text-slate-600">{t("activity.empty")}</li> : null}
        </ul>
      </Card>
      <Card title={t("asks.title")}>
        {canWrite ? (
          <AskForm customerId={customer.id} used={used} capacity={capacity} />
        ) : (
          <p className="text-sm text-slate-600">{t("asks.used", { used: f.number(used), capacity })}</p>
        )}
        <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label={t("asks.aria")}>
          {asks.map((a) => (
            <li key={a.id} className="py-1.5">
              <span className="text-slate-500">{f.date(a.askedAt)}</span> ·{" "}
              {tl(`askKinds.${a.kind as (typeof ASK_KINDS)[number]}`)} ·{" "}
              {tl(`askOutcomes.${a.outcome as (typeof ASK_OUTCOMES)[number]}`)}
              {a.note ? ` — ${a.note}` : ""}
            </li>
          ))}
          {asks.length === 0 ? <li className="py-1.5 text-slate-600">{t("asks.empty")}</li> : null}
        </ul>
      </Card>
    </div>
  );
}
