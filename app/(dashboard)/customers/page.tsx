import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";
import { type CustomerColumn, CustomersTable, type CustomerTableRow } from "@/components/customers/customers-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  FILTER_CONTROL,
  FilterSelect,
  OwnerFilter,
  PlanFilter,
  StageFilter,
} from "@/components/filters/filter-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { CUSTOMER_SORTS, type CustomerListQuery, listCustomers } from "@/server/customers/queries";
import { getJourneyModels, type JourneyModelWithStages } from "@/server/journey/models";
import { listActiveMembers } from "@/server/team/queries";
import { requirePageMember } from "@/server/auth/session";
import { daysSince } from "@/lib/dates";
import { formatCents } from "@/lib/format";
import { stageForMilestone } from "@/lib/journey/models";
import { can } from "@/lib/permissions";
import { PLAN_LABELS, PLANS } from "@/lib/plans";
import { first, idParam, pageParam, param, type SearchParams, searchText, withParams } from "@/lib/search-params";

export const metadata = { title: "Customers" };

const PAGE_SIZE = 50;
const SORT_LABELS: Record<(typeof CUSTOMER_SORTS)[number], string> = {
  name: "Name",
  mrr: "MRR",
  balance: "Balance",
  milestone: "Stage",
  lastActivity: "Last inbound",
  signedUp: "Signed up",
};

function readQuery(params: SearchParams, memberId: number, models: JourneyModelWithStages[]): CustomerListQuery {
  const owner = first(params, "owner");
  const stageId = param(params, "stage", idParam("smallint"), 0);
  const stage = models.flatMap((m) => m.stages).find((s) => s.id === stageId);
  const balanceBelow = param(params, "balanceBelow", z.coerce.number().finite().optional(), undefined);
  return {
    q: searchText(params) ?? "",
    ownerId: owner === "mine" ? memberId : param(params, "owner", idParam(), 0) || undefined,
    milestoneRange: stage ? { from: stage.fromMilestone, to: stage.toMilestone } : undefined,
    status: param(params, "status", z.enum(["active", "churned"]).optional(), undefined),
    plan: param(params, "plan", z.enum(PLANS).optional(), undefined),
    balanceBelow,
    sort: param(params, "sort", z.enum(CUSTOMER_SORTS), "name"),
    direction: param(params, "dir", z.enum(["asc", "desc"]), "asc"),
    page: param(params, "page", pageParam, 1),
    pageSize: PAGE_SIZE,
  };
}

async function CustomerTable({
  params,
  query,
  model,
}: {
  params: SearchParams;
  query: CustomerListQuery;
  model: JourneyModelWithStages;
}) {
  const { rows, total } = await listCustomers(query);
  if (total === 0) {
    return (
      <EmptyState title="No customers match">
        <p>
          Try fewer filters or another search.{" "}
          <Link href="/customers" className="font-medium text-brand-700 underline">
            Clear all filters
          </Link>
        </p>
      </EmptyState>
    );
  }
  // Only the sorted column carries aria-sort; every sortable header links to the other direction.
  const sortable = (label: string, sort: (typeof CUSTOMER_SORTS)[number], align?: "right"): CustomerColumn => {
    const active = query.sort === sort;
    return {
      label,
      align,
      sortHref: withParams("/customers", params, {
        sort,
        dir: active && query.direction === "asc" ? "desc" : "asc",
        page: undefined,
      }),
      sorted: active ? (query.direction === "asc" ? "ascending" : "descending") : undefined,
    };
  };
  const columns: CustomerColumn[] = [
    sortable(SORT_LABELS.name, "name"),
    { label: "Owner" },
    sortable(SORT_LABELS.milestone, "milestone"),
    { label: "Plan" },
    sortable(SORT_LABELS.mrr, "mrr", "right"),
    sortable(SORT_LABELS.balance, "balance", "right"),
    sortable(SORT_LABELS.lastActivity, "lastActivity"),
    { label: "Status" },
  ];
  const now = new Date();
  const tableRows = rows.map((row): CustomerTableRow => {
    const silent = daysSince(row.lastInboundAt, now);
    return {
      id: row.id,
      name: row.name,
      detail: [row.company, row.email].filter(Boolean).join(" · "),
      owner: row.ownerName,
      stage: stageForMilestone(model.stages, row.milestone)?.name ?? "",
      plan: PLAN_LABELS[row.plan as keyof typeof PLAN_LABELS] ?? row.plan,
      mrr: formatCents(row.mrrCents),
      balance: Number(row.balance),
      lastInbound: silent === null ? "never" : silent === 0 ? "today" : `${silent} d ago`,
      churned: row.status === "churned",
    };
  });
  return (
    <>
      <CustomersTable caption={`Customers, sorted by ${SORT_LABELS[query.sort]}`} columns={columns} rows={tableRows} />
      <Pagination
        page={query.page}
        pageSize={PAGE_SIZE}
        total={total}
        noun="customers"
        hrefFor={(page) => withParams("/customers", params, { page })}
      />
    </>
  );
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requirePageMember();
  const [params, models, owners] = await Promise.all([searchParams, getJourneyModels(), listActiveMembers()]);
  const query = readQuery(params, member.id, models);
  const model = models.find((m) => m.isDefault) ?? models[0];
  return (
    <>
      <PageHeader
        title="Customers"
        description="Find a customer, see everything that happened, log what just happened."
        actions={
          can(member.role, "customers.write") ? (
            <Link href="/customers/new" className={buttonClass()}>
              New customer
            </Link>
          ) : null
        }
      />
      <form method="get" role="search" aria-label="Filter customers" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Search
          <input
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="Name, email or company"
            className={`${FILTER_CONTROL} w-64`}
          />
        </label>
        <OwnerFilter owners={owners} value={first(params, "owner") ?? ""} />
        <StageFilter models={models} value={first(params, "stage") ?? ""} />
        <FilterSelect label="Status" name="status" defaultValue={query.status ?? ""}>
          <option value="">All</option>
          <option value="active">Active</option>
          <option value="churned">Churned</option>
        </FilterSelect>
        <PlanFilter value={query.plan ?? ""} />
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Balance below
          <input
            name="balanceBelow"
            type="number"
            step="0.5"
            defaultValue={query.balanceBelow ?? ""}
            placeholder="e.g. 0"
            className={`${FILTER_CONTROL} w-28`}
          />
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.direction} />
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        <Link href="/customers" className="py-1.5 text-sm font-medium text-slate-600 underline">
          Reset
        </Link>
      </form>
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton className="h-96" />}>
        <CustomerTable params={params} query={query} model={model} />
      </Suspense>
    </>
  );
}
