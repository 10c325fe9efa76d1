import { Link } from "@/components/ui/link";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { MOVEMENT_KINDS } from "@/lib/revenue";
import { readRevenuePeriod } from "@/lib/revenue-period";
import { first, pageParam, param, type SearchParams, withParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { revenueOwner } from "@/server/revenue/page";
import { listBridgeRows, MOVEMENTS_PAGE_SIZE } from "@/server/revenue/queries";

export async function generateMetadata() {
  const t = await getTranslations("revenue");
  return { title: t("movements.title") };
}

const KINDS = [...MOVEMENT_KINDS, "start", "end"] as const;

export default async function RevenueMovementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember("revenue.read");
  const [params, t, f] = await Promise.all([searchParams, getTranslations("revenue"), getFormat()]);
  const { period } = readRevenuePeriod(
    { period: "custom", from: first(params, "from"), to: first(params, "to") },
    new Date(),
  );
  const kind = param(params, "kind", z.enum(KINDS), "new");
  const page = param(params, "page", pageParam, 1);
  const ownerId = revenueOwner(member, params);
  const { rows, total, sumCents } = await listBridgeRows(db, { kind, from: period.from, to: period.to, ownerId, page });
  const paying = kind === "start" || kind === "end";
  const moment = kind === "start" ? f.date(period.fromDay) : f.date(period.toDay);
  const title = paying
    ? t("movements.payingOn", { date: moment })
    : t("movements.kindInRange", {
        kind: t(`movementKinds.${kind}`),
        range: f.dateRange(period.fromDay, period.toDay),
      });
  const back = withParams(
    "/revenue",
    {},
    { period: "custom", from: period.fromDay, to: period.toDay, owner: ownerId === null ? undefined : ownerId },
  );
  return (
    <>
      <PageHeader
        title={title}
        description={t(paying ? "movements.descriptionPaying" : "movements.descriptionMoved", {
          sum: f.money(sumCents),
        })}
        actions={
          <Link href={back} className="text-sm font-medium text-brand-700 underline">
            {t("movements.back")}
          </Link>
        }
      />
      {rows.length === 0 && total === 0 ? (
        <EmptyState title={paying ? t("movements.nobodyPaying") : t("movements.noMovements", { kind })}>
          {t("movements.chooseAnother")}
        </EmptyState>
      ) : (
        <Card>
          <ScrollRegion label={title}>
            <table className="w-full text-left text-sm" aria-label={title}>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {t("movements.customer")}
                  </th>
                  {paying ? null : (
                    <th scope="col" className="pl-3">
                      {t("movements.when")}
                    </th>
                  )}
                  <th scope="col" className="pl-3 text-right">
                    {paying ? t("movements.arr") : t("movements.arrChange")}
                  </th>
                  {paying ? null : (
                    <th scope="col" className="pl-3 text-right">
                      {t("movements.arrAfter")}
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
                    {paying ? null : <td className="pl-3">{f.date(row.occurredAt)}</td>}
                    <td className="pl-3 text-right tabular-nums">
                      {paying ? "" : row.deltaCents > 0 ? "+" : "−"}
                      {f.money(Math.abs(row.deltaCents))}
                    </td>
                    {paying ? null : <td className="pl-3 text-right tabular-nums">{f.money(row.arrAfterCents)}</td>}
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
            counted={(count, number) =>
              paying
                ? t("movements.countedCustomers", { count, number })
                : t("movements.countedMovements", { count, number })
            }
          />
        </Card>
      )}
    </>
  );
}
