import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityForm } from "@/components/advocates/activity-form";
import { AskForm } from "@/components/advocates/ask-form";
import { InviteForm } from "@/components/advocates/invite-form";
import { RoleStatusButtons } from "@/components/advocates/role-status-buttons";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAdvocateActivity, getCustomerRoles, listAdvocateRoles } from "@/server/advocacy/queries";
import { getCustomer } from "@/server/customers/queries";
import { getSettings } from "@/server/settings/queries";
import { requirePageMember } from "@/server/auth/session";
import { ASK_KIND_LABELS, ASK_OUTCOME_LABELS, COMMUNITY_KIND_LABELS, quarterStart } from "@/lib/advocacy";
import { formatDate } from "@/lib/dates";
import { milestoneLabel } from "@/lib/journey/models";
import { can } from "@/lib/permissions";
import { parseId } from "@/lib/validation/fields";

export const metadata = { title: "Advocate" };

export default async function AdvocatePage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requirePageMember();
  const id = parseId((await params).id);
  const row = id ? await getCustomer(id) : undefined;
  if (!row) notFound();
  const { customer } = row;
  const [roster, roles, { activities, asks }, { advocacy }] = await Promise.all([
    getCustomerRoles(customer.id),
    listAdvocateRoles({ activeOnly: true }),
    getAdvocateActivity(customer.id),
    getSettings(["advocacy"]),
  ]);
  const canWrite = can(member.role, "advocacy.write");
  const capacity = customer.askCapacity ?? advocacy.askCapacity;
  const since = quarterStart(new Date()).toISOString();
  const used = asks.filter((a) => a.asked_at >= since.slice(0, 10)).length;
  return (
    <div className="space-y-6">
      <Link href="/advocates" className="text-sm font-medium text-slate-600 hover:underline">
        ← Advocates
      </Link>
      <PageHeader
        title={customer.name}
        description={`${milestoneLabel(customer.milestone)} · ${customer.company ?? "no company"}`}
        actions={
          <Link href={`/customers/${customer.id}`} className="text-sm font-medium text-brand-700 underline">
            Customer page
          </Link>
        }
      />
      <Card title="Roles">
        {roster.length === 0 ? (
          <p className="mb-3 text-sm text-slate-600">No role yet.</p>
        ) : (
          <ul className="mb-3 space-y-2 text-sm">
            {roster.map((r) => (
              <li key={r.assignment_id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <strong>{r.role_name}</strong> · {r.status} since{" "}
                  {formatDate(r.retired_at ?? r.activated_at ?? r.invited_at)}
                </span>
                {canWrite ? (
                  <RoleStatusButtons assignmentId={r.assignment_id} status={r.status} label={r.role_name} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canWrite ? <InviteForm customerId={customer.id} customerName={customer.name} roles={roles} /> : null}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Community activity">
          {canWrite ? <ActivityForm customerId={customer.id} /> : null}
          <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Recent community activity">
            {activities.map((a) => (
              <li key={a.id} className="py-1.5">
                <span className="text-slate-500">{formatDate(a.occurred_at)}</span> ·{" "}
                {COMMUNITY_KIND_LABELS[a.kind as keyof typeof COMMUNITY_KIND_LABELS] ?? a.kind}
                {a.referred_id ? (
                  <>
                    {" "}
                    —{" "}
                    <Link href={`/customers/${a.referred_id}`} className="text-brand-700 underline">
                      {a.referred_name}
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
                <span className="text-slate-500">{formatDate(a.asked_at)}</span> ·{" "}
                {ASK_KIND_LABELS[a.kind as keyof typeof ASK_KIND_LABELS]} ·{" "}
                {ASK_OUTCOME_LABELS[a.outcome as keyof typeof ASK_OUTCOME_LABELS]}
                {a.note ? ` — ${a.note}` : ""}
              </li>
            ))}
            {asks.length === 0 ? <li className="py-1.5 text-slate-600">No asks yet.</li> : null}
          </ul>
        </Card>
      </div>
    </div>
  );
}
