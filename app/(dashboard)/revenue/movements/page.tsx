import { Link } from "@/components/ui/link";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { readDb } from "@/server/reads/read-db";
import { formatCents, formatDate, formatDateRange } from "@/lib/format";
import { MOVEMENT_KINDS, MOVEMENT_LABELS } from "@/lib/revenue";
import { readRevenuePeriod } from "@/lib/revenue-period";
import { first, pageParam, param, type SearchParams, withParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { revenueOwner } from "@/server/revenue/page";
import { listBridgeRows, MOVEMENTS_PAGE_SIZE } from "@/server/revenue/queries";

export const metadata = { title: "Revenue movements" };

const KINDS = [...MOVEMENT_KINDS, "start", "end"] as const;

export default async function RevenueMovementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember("revenue.read");
  const params = await searchParams;
  const { period } = readRevenuePeriod(
    { period: "custom", from: first(params, "from"), to: first(params, "to") },
    new Date(),
  );
  const kind = param(params, "kind", z.enum(KINDS), "new");
  const page = param(params, "page", pageParam, 1);
  const ownerId = revenueOwner(member, params);
  const { rows, total, sumCents } = await listBridgeRows(db, { kind, from: period.from, to: period.to, ownerId, page });
  const paying = kind === "start" || kind === "end";
  const moment = kind === "start" ? formatDate(period.from, "UTC") : formatDate(period.toDay, "UTC");
  const title = paying
    ? `Paying customers on ${moment}`
    : `${MOVEMENT_LABELS[kind]}, ${formatDateRange(period.from, period.toDay, "UTC")}`;
  const back = withParams(
    "/revenue",
    {},
    { period: "custom", from: period.fromDay, to: period.toDay, owner: ownerId === null ? undefined : ownerId },
  );
  return (
    <>
      <PageHeader
        title={title}
        description={`${formatCents(sumCents)} ARR${paying ? " in all" : " moved"}: the customers behind this line of the ARR bridge, biggest first.`}
        actions={
          <Link href={back} className="text-sm font-medium text-brand-700 underline">
            Back to revenue
          </Link>
        }
      />
      {rows.length === 0 && total === 0 ? (
        <EmptyState
          title={paying ? "Nobody was paying then" : `No ${MOVEMENT_LABELS[kind].toLowerCase()} in this period`}
        >
          Choose another period on the revenue page.
        </EmptyState>
      ) : (
        <Card>
          <ScrollRegion label={title}>
            <table className="w-full text-left text-sm" aria-label={title}>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    Customer
                  </th>
                  {paying ? null : (
                    <th scope="col" className="pl-3">
                      When
                    </th>
                  )}
                  <th scope="col" className="pl-3 text-right">
                    {paying ? "ARR" : "ARR change"}
                  </th>
                  {paying ? null : (
                    <th scope="col" className="pl-3 text-right">
                      ARR after
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr
                    key={`${row.customerId}-${index}`}
                    className="border-t border-slate-100"
                    data-testid="movement-row"
                  >
                    <th scope="row" className="py-1.5 pr-3 font-medium">
                      <Link href={`/customers/${row.customerId}`} className="text-brand-700 underline">
                        {row.name}
                      </Link>
                      {row.company ? (
                        <span className="block text-xs font-normal text-slate-500">{row.company}</span>
                      ) : null}
                    </th>
                    {paying ? null : <td className="pl-3">{formatDate(row.occurredAt)}</td>}
                    <td className="pl-3 text-right tabular-nums">
                      {paying ? "" : row.deltaCents > 0 ? "+" : "−"}
                      {formatCents(Math.abs(row.deltaCents))}
                    </td>
                    {paying ? null : <td className="pl-3 text-right tabular-nums">{formatCents(row.arrAfterCents)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            page={page}
            pageSize={MOVEMENTS_PAGE_SIZE}
            total={total}
            hrefFor={(p) => withParams("/revenue/movements", params, { page: p })}
            noun={paying ? { one: "customer", many: "customers" } : { one: "movement", many: "movements" }}
          />
        </Card>
      )}
    </>
  );
}
