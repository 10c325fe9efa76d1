import { Link } from "@/components/ui/link";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { daysSince } from "@/lib/dates";
import { countOf, formatCents, formatDate, formatDecimal } from "@/lib/format";
import { milestoneLabel, stageForMilestone } from "@/lib/journey/models";
import { can, type SessionMember } from "@/lib/permissions";
import { PLAN_LABELS } from "@/lib/plans";
import type { CustomerRow } from "@/server/customers/queries";
import { getJourneyModels } from "@/server/journey/models";
import { getSettings } from "@/server/settings/queries";

function riskNote(row: CustomerRow, silenceDays: number): string {
  const { customer } = row;
  if (customer.status === "churned") return "churned";
  const silent = daysSince(customer.lastInboundAt);
  const notes = [`score ${formatDecimal(customer.riskScore)}`];
  if (row.balance < 0) notes.push("in debt");
  if (customer.convertedAt && silent !== null && silent > silenceDays)
    notes.push(`silent for ${countOf(silent, "day")}`);
  if (customer.fatigued) notes.push("fatigued");
  return notes.join(", ");
}

/** Who the customer is and where they stand: plan, MRR, owner, balance, risk and the stage in every model. */
export async function CustomerHeader({ row, member }: { row: CustomerRow; member: SessionMember }) {
  const db = await readDb();
  const [models, { risk }] = await Promise.all([getJourneyModels(db), getSettings(db, ["risk"])]);
  const { customer } = row;
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{customer.name}</h1>
          <p className="text-sm text-slate-600">{[customer.company, customer.email].filter(Boolean).join(" · ")}</p>
        </div>
        <div className="flex gap-2">
          {can(member.role, "delight.write") ? (
            <Link href={`/delight/new?customer=${customer.id}`} className={buttonClass("secondary")}>
              Log a delight moment
            </Link>
          ) : null}
          {can(member.role, "advocacy.write") ? (
            <Link href={`/advocates/${customer.id}`} className={buttonClass("secondary")}>
              Advocacy
            </Link>
          ) : null}
          {can(member.role, "customers.write") ? (
            <Link href={`/customers/${customer.id}/edit`} className={buttonClass("secondary")}>
              Edit
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-4 lg:grid-cols-6">
        <div>
          <dt className="text-slate-500">Plan</dt>
          <dd className="font-medium">{PLAN_LABELS[customer.plan as keyof typeof PLAN_LABELS] ?? customer.plan}</dd>
        </div>
        <div>
          <dt className="text-slate-500">MRR</dt>
          <dd className="font-medium tabular-nums">{formatCents(customer.mrrCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Owner</dt>
          <dd className="font-medium">{row.ownerName ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd className="font-medium">
            {customer.status === "churned" ? (
              <span className="text-red-700">
                Churned {formatDate(customer.churnedAt)}
                {customer.churnReason ? ` — ${customer.churnReason}` : ""}
              </span>
            ) : (
              "Active"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Balance</dt>
          <dd data-testid="customer-balance">
            <BalanceBadge balance={row.balance} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Risk</dt>
          <dd className="font-medium" data-testid="customer-risk">
            {riskNote(row, risk.silenceDays)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Milestone</dt>
          <dd className="font-medium">
            {customer.milestone} · {milestoneLabel(customer.milestone)}
          </dd>
        </div>
        {models.map((model) => (
          <div key={model.id}>
            <dt className="text-slate-500">{model.name}</dt>
            <dd className="font-medium">{stageForMilestone(model.stages, customer.milestone)?.name ?? "—"}</dd>
          </div>
        ))}
        <div>
          <dt className="text-slate-500">Signed up</dt>
          <dd className="font-medium">{formatDate(customer.signedUpAt)}</dd>
        </div>
        {row.referrerName && customer.referredById ? (
          <div>
            <dt className="text-slate-500">Referred by</dt>
            <dd>
              <Link className="font-medium text-brand-700 underline" href={`/customers/${customer.referredById}`}>
                {row.referrerName}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
