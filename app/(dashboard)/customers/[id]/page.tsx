import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { BalanceChart } from "@/components/charts/lazy";
import { AccountActions } from "@/components/customers/account-actions";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { MilestoneForm } from "@/components/customers/milestone-form";
import { CustomerTimeline } from "@/components/timeline/customer-timeline";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { getBalanceHistory } from "@/server/ledger/balance-history";
import { getCustomer } from "@/server/customers/queries";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { getJourneyModels } from "@/server/journey/models";
import type { SessionMember } from "@/lib/permissions";
import { listActiveMembers } from "@/server/team/queries";
import { getSettings } from "@/server/settings/queries";
import { getTimeline, TIMELINE_KINDS, type TimelineKind } from "@/server/customers/timeline";
import { requirePageMember } from "@/server/auth/session";
import { daysSince, DISPLAY_TIME_ZONE, formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/format";
import { CONVERTED_MILESTONE, milestoneLabel, stageForMilestone } from "@/lib/journey/models";
import { can } from "@/lib/permissions";
import { PLAN_LABELS } from "@/lib/plans";
import { first, param, type SearchParams, withParams } from "@/lib/search-params";
import { parseId } from "@/lib/validation/fields";

type Customer = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;

const KIND_LABELS: Record<TimelineKind, string> = {
  all: "Everything",
  interactions: "Interactions",
  credits: "Credits",
  debits: "Debits",
  milestones: "Milestones",
  delight: "Delight",
  community: "Community",
  account: "Account & roles",
};

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const row = id ? await getCustomer(id) : undefined;
  return { title: row?.customer.name ?? "Customer" };
}

function riskNote(row: Customer, silenceDays: number): string {
  const { customer } = row;
  if (customer.status === "churned") return "churned";
  const silent = daysSince(customer.lastInboundAt);
  const notes = [`score ${customer.riskScore.toFixed(1)}`];
  if (row.balance < 0) notes.push("in debt");
  if (customer.milestone >= CONVERTED_MILESTONE && silent !== null && silent > silenceDays)
    notes.push(`silent for ${silent} days`);
  if (customer.fatigued) notes.push("fatigued");
  return notes.join(", ");
}

async function Header({ row, member }: { row: Customer; member: SessionMember }) {
  const [models, { risk }] = await Promise.all([getJourneyModels(), getSettings(["risk"])]);
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

async function BalanceOverTime({ row }: { row: Customer }) {
  const { ledger } = await getSettings(["ledger"]);
  const history = await getBalanceHistory(row.customer, ledger, 90);
  return (
    <Card title="Balance over the last 90 days">
      <BalanceChart points={history.points} markers={history.markers} />
      <p className="mt-2 text-xs text-slate-500">
        Dots: <span className="text-fuchsia-700">delight moments</span>,{" "}
        <span className="text-brand-700">milestone changes</span>.
      </p>
    </Card>
  );
}

async function Timeline({
  row,
  member,
  kind,
  cursor,
  params,
}: {
  row: Customer;
  member: SessionMember;
  kind: TimelineKind;
  cursor?: string;
  params: SearchParams;
}) {
  const [page, types] = await Promise.all([
    getTimeline({ customerId: row.customer.id, kind, cursor }),
    listInteractionTypes(),
  ]);
  const path = `/customers/${row.customer.id}`;
  return (
    <section aria-label="Timeline">
      <nav aria-label="Timeline filter" className="mb-3 flex flex-wrap gap-2">
        {TIMELINE_KINDS.map((k) => (
          <Link
            key={k}
            href={withParams(path, params, { kind: k === "all" ? undefined : k, cursor: undefined })}
            aria-current={k === kind ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-xs font-medium ${k === kind ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"}`}
          >
            {KIND_LABELS[k]}
          </Link>
        ))}
      </nav>
      <CustomerTimeline
        customerId={row.customer.id}
        entries={page.entries}
        types={types}
        viewer={{
          id: member.id,
          name: member.name,
          isAdmin: member.role === "admin",
          canWrite: can(member.role, "interactions.write"),
        }}
        timeZone={DISPLAY_TIME_ZONE}
      />
      <div className="mt-4 flex gap-3 text-sm">
        {cursor ? (
          <Link href={withParams(path, params, { cursor: undefined })} className="font-medium text-brand-700 underline">
            ← Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            href={withParams(path, params, { cursor: page.nextCursor })}
            className="font-medium text-brand-700 underline"
          >
            Older entries →
          </Link>
        ) : null}
      </div>
    </section>
  );
}

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const member = await requirePageMember();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  const row = id ? await getCustomer(id) : undefined;
  if (!row) notFound();
  const kind = param(query, "kind", z.enum(TIMELINE_KINDS), "all");
  const cursor = first(query, "cursor");
  const owners = can(member.role, "customers.write") ? await listActiveMembers() : [];
  return (
    <div className="space-y-6">
      <Link href="/customers" className="text-sm font-medium text-slate-600 hover:underline">
        ← Customers
      </Link>
      <Header row={row} member={member} />
      {can(member.role, "customers.write") ? (
        <Card title="Account">
          <AccountActions
            customerId={row.customer.id}
            ownerId={row.customer.ownerId}
            status={row.customer.status}
            owners={owners}
          />
          {can(member.role, "journey.write") ? (
            <MilestoneForm customerId={row.customer.id} milestone={row.customer.milestone} />
          ) : null}
        </Card>
      ) : null}
      <Suspense fallback={<Skeleton className="h-64" />}>
        <BalanceOverTime row={row} />
      </Suspense>
      <Suspense key={`${kind}-${cursor ?? ""}`} fallback={<Skeleton className="h-96" />}>
        <Timeline row={row} member={member} kind={kind} cursor={cursor} params={query} />
      </Suspense>
    </div>
  );
}
