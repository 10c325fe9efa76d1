import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { loadBulkOptions } from "@/components/customers/bulk-options";
import { type CustomerColumn, CustomersTable, type CustomerTableRow } from "@/components/customers/customers-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { daysSince } from "@/lib/dates";
import { stageName } from "@/lib/i18n/journey-labels";
import { stageForMilestone } from "@/lib/journey/models";
import type { MemberRole } from "@/lib/permissions";
import { PLAN_LABELS } from "@/lib/plans";
import { type SearchParams, withParams } from "@/lib/search-params";
import { type CUSTOMER_SORTS, type CustomerListQuery, listCustomers } from "@/server/customers/queries";
import { getFormat } from "@/server/i18n/format";
import type { JourneyModelWithStages } from "@/server/journey/models";

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
  const [{ rows, total, more }, t, tj, f] = await Promise.all([
    listCustomers(db, query),
    getTranslations("customers.results"),
    getTranslations("journey"),
    getFormat(),
  ]);
  if (total === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        <p>
          {t.rich("emptyBody", {
            link: (chunks) => (
              <Link href="/customers" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </EmptyState>
    );
  }
  const sortLabel = (sort: (typeof CUSTOMER_SORTS)[number]) => t(`sort.${sort}`);
  // Only the sorted column carries aria-sort; every sortable header links to the other direction.
  const sortable = (sort: (typeof CUSTOMER_SORTS)[number], align?: "right"): CustomerColumn => {
    const active = query.sort === sort;
    return {
      label: sortLabel(sort),
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
    sortable("name"),
    { label: t("owner") },
    sortable("milestone"),
    { label: t("plan") },
    sortable("mrr", "right"),
    sortable("balance", "right"),
    sortable("lastActivity"),
    { label: t("status") },
  ];
  const now = new Date();
  const tableRows = rows.map((row): CustomerTableRow => {
    const silent = daysSince(row.lastInboundAt, now);
    const stage = stageForMilestone(model.stages, row.milestone);
    return {
      id: row.id,
      name: row.name,
      detail: [row.company, row.email].filter(Boolean).join(" · "),
      owner: row.ownerName,
      stage: stage ? stageName(tj, model, stage) : "",
      plan: PLAN_LABELS[row.plan as keyof typeof PLAN_LABELS] ?? row.plan,
      mrr: f.money(row.mrrCents),
      balance: Number(row.balance),
      lastInbound: f.daysAgo(silent),
      churned: row.status === "churned",
    };
  });
  const bulk = await loadBulkOptions(db, { role, list: "customers", params, matching: more ? null : total, model });
  return (
    <>
      <CustomersTable
        caption={t("caption", { column: sortLabel(query.sort) })}
        columns={columns}
        rows={tableRows}
        bulk={bulk}
      />
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        more={more}
        counted={(count, number) => t("counted", { count, number })}
        hrefFor={(page) => withParams("/customers", params, { page })}
      />
    </>
  );
}
