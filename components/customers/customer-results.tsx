import { Link } from "@/components/ui/link";
import { loadBulkOptions } from "@/components/customers/bulk-options";
import { type CustomerColumn, CustomersTable, type CustomerTableRow } from "@/components/customers/customers-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { daysSince } from "@/lib/dates";
import { formatCents, formatDaysAgo } from "@/lib/format";
import { stageForMilestone } from "@/lib/journey/models";
import type { MemberRole } from "@/lib/permissions";
import { PLAN_LABELS } from "@/lib/plans";
import { type SearchParams, withParams } from "@/lib/search-params";
import { type CUSTOMER_SORTS, type CustomerListQuery, listCustomers } from "@/server/customers/queries";
import type { JourneyModelWithStages } from "@/server/journey/models";

const SORT_LABELS: Record<(typeof CUSTOMER_SORTS)[number], string> = {
  name: "Name",
  mrr: "MRR",
  balance: "Balance",
  milestone: "Stage",
  lastActivity: "Last inbound",
  signedUp: "Signed up",
};

/** One page of the customer list with sortable headers and a pager, or an empty state; the bulk bar for roles that may change customers. */
export async function CustomerResults({
  params,
  query,
  model,
  role,
}: {
  params: SearchParams;
  query: CustomerListQuery;
  model: JourneyModelWithStages;
  role: MemberRole;
}) {
  const db = await readDb();
  const { rows, total, more } = await listCustomers(db, query);
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
      lastInbound: formatDaysAgo(silent),
      churned: row.status === "churned",
    };
  });
  const bulk = await loadBulkOptions(db, { role, list: "customers", params, matching: more ? null : total, model });
  return (
    <>
      <CustomersTable
        caption={`Customers, sorted by ${SORT_LABELS[query.sort]}`}
        columns={columns}
        rows={tableRows}
        bulk={bulk}
      />
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        more={more}
        noun={{ one: "customer", many: "customers" }}
        hrefFor={(page) => withParams("/customers", params, { page })}
      />
    </>
  );
}
