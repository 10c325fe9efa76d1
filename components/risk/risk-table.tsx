"use client";

import { Link } from "@/components/ui/link";
import { Sparkline } from "@/components/charts/sparkline";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { SuggestionTaskButton } from "@/components/tasks/suggestion-task-button";
import { BulkCustomerBar, type BulkOptions } from "@/components/customers/bulk-customer-bar";
import { SelectPageCheckbox, SelectRowCheckbox } from "@/components/customers/selection-checkboxes";
import { useCustomerSelection } from "@/components/customers/use-customer-selection";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import type { Format } from "@/lib/format";

/**
 * One row of the risk list, already formatted on the server. The table is a client component so
 * that a page of 25 rows travels once as this compact data and once as HTML, instead of as HTML
 * plus a React element tree three times its size.
 */
export type RiskTableRow = {
  id: number;
  name: string;
  detail: string;
  risk: string;
  /** The score under the version running in shadow, when one runs. */
  shadowRisk: string | null;
  mrr: string;
  arr: string;
  /** "renews in 12 days", "renews today", or null when no active subscription renews. */
  renewal: string | null;
  renewsSoon: boolean;
  balance: number;
  /** The daily balances to the last day, space-separated: one value for React to serialise instead of 90. */
  history: string;
  historyLastDay: string;
  trend: number;
  silentDays: number | null;
  fatigued: boolean;
  /** The reasons, grouped: one debit with its summary, or many of a kind in a period ("160 × Support ticket today"). */
  drivers: { id: number; text: string; impact: string; daysAgo: number | null; many: boolean }[];
  /** Suggested next steps; `task` when one is already an open task. */
  steps: { key: string; text: string; task: boolean }[];
  /** Open tasks on the customer, from any source. */
  openTasks: number;
};

/** The 30-day trend, with the table's own words: a component (and its hooks) per row cost the list more than its rows. */
function trend(value: number, t: ReturnType<typeof useTranslations<"risk.table">>, f: Format) {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return <span className="text-slate-500">{t("steady")}</span>;
  return (
    <span className={rounded < 0 ? "font-medium text-red-700" : "font-medium text-emerald-700"}>
      {rounded < 0 ? "↓ " : "↑ "}
      {f.decimal(Math.abs(rounded))}
    </span>
  );
}

/** The risk list's table; with `bulk` (the member may change customers), a checkbox per row and the bulk bar. */
export function RiskTable({
  rows,
  offset,
  canCreateTasks,
  bulk,
}: {
  rows: RiskTableRow[];
  offset: number;
  canCreateTasks: boolean;
  bulk: BulkOptions | null;
}) {
  const t = useTranslations("risk.table");
  const ts = useTranslations("tasks.suggestion");
  const f = useFormat();
  const selection = useCustomerSelection(rows.map((row) => row.id));
  return (
    <>
      {bulk ? <BulkCustomerBar options={bulk} selection={selection} /> : null}
      <div className="card-list relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {bulk ? (
                <th scope="col" className="w-8 px-3 py-2">
                  <SelectPageCheckbox selection={selection} />
                </th>
              ) : null}
              <th scope="col" data-card-hide className="px-3 py-2">
                #
              </th>
              <th scope="col" data-card-hide className="px-3 py-2">
                {t("customer")}
              </th>
              <th scope="col" data-card-hide className="px-3 py-2 text-right">
                {t("atStake")}
              </th>
              <th scope="col" data-card-hide className="px-3 py-2">
                {t("balance")}
              </th>
              <th scope="col" data-card-hide className="px-3 py-2">
                {t("trend")}
              </th>
              <th scope="col" data-card-hide className="px-3 py-2">
                {t("lastHeard")}
              </th>
              <th scope="col" data-card-hide className="px-3 py-2">
                {t("why")}
              </th>
              <th scope="col" data-card-hide className="px-3 py-2">
                {t("nextStep")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} data-testid="risk-row" className="border-b border-slate-100 align-top last:border-0">
                {bulk ? (
                  <td data-card="head" className="px-3 py-3">
                    <SelectRowCheckbox selection={selection} id={row.id} name={row.name} />
                  </td>
                ) : null}
                <td data-card="head" className="px-3 py-3 tabular-nums text-slate-500">
                  {offset + index + 1}
                </td>
                <td data-card="title" className="px-3 py-3">
                  <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                  <div className="text-xs text-slate-500">{row.detail}</div>
                  <div className="mt-1 text-xs text-slate-500">
                    {t("risk", { score: row.risk })}
                    {row.shadowRisk === null ? null : (
                      <span data-testid="shadow-risk"> · {t("inShadow", { score: row.shadowRisk })}</span>
                    )}
                  </div>
                </td>
                <td data-label={t("atStake")} className="px-3 py-3 text-right tabular-nums">
                  {row.mrr}
                  <div className="text-xs text-slate-500">{t("arr", { arr: row.arr })}</div>
                  {row.renewal ? (
                    <div className={`text-xs ${row.renewsSoon ? "font-semibold text-red-800" : "text-slate-600"}`}>
                      {row.renewal}
                    </div>
                  ) : null}
                </td>
                <td data-label={t("balance")} className="px-3 py-3">
                  <div className="flex items-center gap-2">
                    <BalanceBadge balance={row.balance} />
                    <Sparkline
                      values={row.history.split(" ").map(Number)}
                      lastDay={row.historyLastDay}
                      label={t("sparkline", { balance: f.signed(row.balance) })}
                    />
                  </div>
                </td>
                <td data-label={t("trend")} className="px-3 py-3">
                  {trend(row.trend, t, f)}
                </td>
                <td data-label={t("lastHeard")} className="px-3 py-3">
                  {row.silentDays === null ? t("neverActive") : f.daysAgo(row.silentDays)}
                  {row.fatigued ? (
                    <div className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-800">
                      {t("fatigued")}
                    </div>
                  ) : null}
                </td>
                <td data-card="lead" data-label={t("why")} className="px-3 py-3">
                  {row.drivers.length === 0 ? (
                    <span className="text-xs text-slate-500">{t("noDebits")}</span>
                  ) : (
                    <ul className="space-y-1">
                      {row.drivers.map((driver) => (
                        <li key={driver.id} className="text-xs" data-testid="risk-driver">
                          <a
                            href={`/customers/${row.id}?kind=debits`}
                            className="font-medium text-slate-800 hover:underline"
                          >
                            {driver.text}
                          </a>
                          <span className="ml-1 tabular-nums text-red-700">{driver.impact}</span>
                          <span className="ml-1 text-slate-500">
                            {driver.many ? t("latest", { ago: f.daysAgo(driver.daysAgo) }) : f.daysAgo(driver.daysAgo)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-card="lead" data-label={t("nextStep")} className="px-3 py-3 text-xs">
                  <ul className="space-y-2">
                    {row.steps.map((step, index) => (
                      <li key={step.key}>
                        <p className={index === 0 ? "font-medium text-slate-900" : "text-slate-600"}>{step.text}</p>
                        {canCreateTasks ? (
                          <SuggestionTaskButton customerId={row.id} step={step} customerName={row.name} t={ts} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                  {row.openTasks > 0 ? (
                    <a
                      href={`/customers/${row.id}`}
                      className="mt-2 inline-block rounded bg-slate-100 px-1.5 text-slate-700 hover:underline"
                      data-testid="open-tasks"
                    >
                      {t("openTasks", { count: row.openTasks })}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
