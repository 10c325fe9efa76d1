"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { BulkCustomerBar, type BulkOptions } from "./bulk-customer-bar";
import { SelectPageCheckbox, SelectRowCheckbox } from "./selection-checkboxes";
import { useCustomerSelection } from "./use-customer-selection";

/** A column header: sortable ones link to the list sorted by it (`sorted` on the active one). */
export type CustomerColumn = { label: string; align?: "right"; sortHref?: string; sorted?: "ascending" | "descending" };

/**
 * One row of the customer list, already formatted on the server. A client component, so that a
 * page of 50 rows travels as this compact data plus HTML rather than as a React element tree too.
 */
export type CustomerTableRow = {
  id: number;
  name: string;
  detail: string;
  owner: string | null;
  stage: string;
  plan: string;
  mrr: string;
  balance: number;
  lastInbound: string;
  churned: boolean;
};

/** The list's table; with `bulk` (the member may change customers), a checkbox per row and the bulk bar. */
export function CustomersTable({
  caption,
  columns,
  rows,
  bulk,
}: {
  caption: string;
  columns: CustomerColumn[];
  rows: CustomerTableRow[];
  bulk: BulkOptions | null;
}) {
  const t = useTranslations("customers.table");
  const tl = useTranslations("labels");
  const selection = useCustomerSelection(rows.map((row) => row.id));
  const labels = columns.map((column) => column.label);
  return (
    <>
      {bulk ? <BulkCustomerBar options={bulk} selection={selection} /> : null}
      <div className="card-list relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {bulk ? (
                <th scope="col" className="w-8 px-4 py-2">
                  <SelectPageCheckbox selection={selection} />
                </th>
              ) : null}
              {columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  data-card-hide={column.sortHref ? undefined : true}
                  className={`px-4 py-2 font-medium${column.align === "right" ? " text-right" : ""}`}
                  aria-sort={column.sorted}
                >
                  {column.sortHref ? (
                    <Link href={column.sortHref} className="inline-flex items-center gap-1 hover:underline">
                      {column.label}
                      {column.sorted ? (
                        <span aria-label={column.sorted === "ascending" ? t("sortedAscending") : t("sortedDescending")}>
                          {column.sorted === "ascending" ? "▲" : "▼"}
                        </span>
                      ) : null}
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                {bulk ? (
                  <td data-card="head" className="px-4 py-2">
                    <SelectRowCheckbox selection={selection} id={row.id} name={row.name} />
                  </td>
                ) : null}
                <td data-card="title" className="px-4 py-2">
                  <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                  <div className="text-xs text-slate-500">{row.detail}</div>
                </td>
                <td data-label={labels[1]} className="px-4 py-2">
                  {row.owner ?? <span className="text-slate-400">—</span>}
                </td>
                <td data-label={labels[2]} className="px-4 py-2">
                  {row.stage}
                </td>
                <td data-label={labels[3]} className="px-4 py-2">
                  {row.plan}
                </td>
                <td data-label={labels[4]} className="px-4 py-2 text-right tabular-nums">
                  {row.mrr}
                </td>
                <td data-label={labels[5]} className="px-4 py-2 text-right">
                  <BalanceBadge balance={row.balance} />
                </td>
                <td data-label={labels[6]} className="px-4 py-2 text-slate-600">
                  {row.lastInbound}
                </td>
                <td data-label={labels[7]} className="px-4 py-2">
                  {row.churned ? (
                    <span className="text-red-700">{tl("customerStatus.churned")}</span>
                  ) : (
                    tl("customerStatus.active")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
