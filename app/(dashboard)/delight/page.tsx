import Link from "next/link";
import { Suspense } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { getDelightLog, getDelightMonthly, getDelightQueue } from "@/server/delight/queries";
import type { SessionMember } from "@/lib/permissions";
import { requirePageMember } from "@/server/auth/session";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/format";
import { can } from "@/lib/permissions";
import { first, pageParam, param, type SearchParams, searchText, withParams } from "@/lib/search-params";

export const metadata = { title: "Delight" };

async function Queue({ member, params }: { member: SessionMember; params: SearchParams }) {
  const page = param(params, "queuePage", pageParam, 1);
  const mine = first(params, "queue") === "mine";
  const q = searchText(params);
  const { rows, total, more, days } = await getDelightQueue({ page, ownerId: mine ? member.id : undefined, q });
  const canWrite = can(member.role, "delight.write");
  return (
    <Card
      title={`Delight queue: unanswered debits of the last ${days} days`}
      action={
        <Link
          href={withParams("/delight", params, { queue: mine ? undefined : "mine", queuePage: undefined })}
          className="text-sm font-medium text-brand-700 underline"
        >
          {mine ? "Show everyone's" : "Only my customers"}
        </Link>
      }
    >
      <form method="get" role="search" aria-label="Find in the queue" className="mb-3 flex gap-2">
        {mine ? <input type="hidden" name="queue" value="mine" /> : null}
        <input
          name="q"
          type="search"
          aria-label="Customer or company"
          defaultValue={q ?? ""}
          placeholder="Customer or company"
          className="w-64 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        <button type="submit" className={buttonClass("secondary")}>
          Find
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nothing waiting: every recent complaint, bug, error, ticket and slow response has been answered.
        </p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Delight queue">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                Customer
              </th>
              <th scope="col">What happened</th>
              <th scope="col" className="text-right">
                MRR
              </th>
              <th scope="col" className="text-right">
                Age
              </th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.interaction_id} data-testid="queue-row" className="border-t border-slate-100 align-top">
                <td className="py-2">
                  <Link href={`/customers/${row.customer_id}`} className="font-medium text-brand-700 hover:underline">
                    {row.customer_name}
                  </Link>
                  <div className="text-xs text-slate-500">
                    {[row.company, row.owner_name].filter(Boolean).join(" · ")}
                  </div>
                </td>
                <td className="py-2">
                  <span className="font-medium">{row.label}</span>
                  {row.summary ? <span className="text-slate-600"> — {row.summary}</span> : null}
                </td>
                <td className="py-2 text-right tabular-nums">{formatCents(row.mrr_cents)}</td>
                <td className="py-2 text-right tabular-nums">{row.age_days === 0 ? "today" : `${row.age_days} d`}</td>
                <td className="py-2 pl-3 text-right">
                  {canWrite ? (
                    <Link
                      href={`/delight/new?prompt=${row.interaction_id}`}
                      className={buttonClass("primary", "px-3 py-1.5 text-xs")}
                      aria-label={`Delight ${row.customer_name}`}
                    >
                      Delight
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={page}
        pageSize={30}
        total={total}
        more={more}
        noun="debits waiting"
        hrefFor={(p) => withParams("/delight", params, { queuePage: p })}
      />
    </Card>
  );
}

async function Monthly() {
  const months = await getDelightMonthly();
  return (
    <Card title="Per month">
      {months.length === 0 ? (
        <p className="text-sm text-slate-600">No delight moments yet.</p>
      ) : (
        <table className="w-full text-sm" aria-label="Delight moments per month">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1 text-left">
                Month
              </th>
              <th scope="col" className="text-right">
                Moments
              </th>
              <th scope="col" className="text-right">
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} className="border-t border-slate-100">
                <th scope="row" className="py-1 text-left font-normal">
                  {m.month}
                </th>
                <td className="text-right tabular-nums">{m.moments}</td>
                <td className="text-right tabular-nums">{formatCents(m.cost_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

async function Log({ params }: { params: SearchParams }) {
  const page = param(params, "logPage", pageParam, 1);
  const { rows, total } = await getDelightLog({ page });
  return (
    <Card title="Log of delight moments: did it work?">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No delight moments yet.</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Delight log">
          {rows.map((row) => {
            const change = row.balance_after - row.balance_before;
            return (
              <li key={row.id} data-testid="delight-log-entry" className="py-3 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span>
                    <Link href={`/customers/${row.customer_id}`} className="font-medium text-brand-700 hover:underline">
                      {row.customer_name}
                    </Link>{" "}
                    <span className="text-slate-500">
                      · {formatDate(row.occurred_at)}
                      {row.actor_name ? ` · by ${row.actor_name}` : ""}
                    </span>
                  </span>
                  <span className="tabular-nums">
                    {formatCents(row.cost_cents)} ·{" "}
                    <span className={change >= 0 ? "font-medium text-emerald-700" : "font-medium text-red-700"}>
                      balance {row.balance_before.toFixed(1)} → {row.balance_after.toFixed(1)} ({change >= 0 ? "+" : ""}
                      {change.toFixed(1)} in {row.days_after} d)
                    </span>
                  </span>
                </div>
                <p className="text-slate-700">
                  <span className="text-slate-500">Prompt:</span> {row.prompt}
                </p>
                <p className="text-slate-700">
                  <span className="text-slate-500">Gesture:</span> {row.gesture}
                </p>
                {row.outcome || row.posted_publicly || row.renewed || row.became_advocate ? (
                  <p className="text-slate-700">
                    <span className="text-slate-500">Outcome:</span>{" "}
                    {[
                      row.outcome,
                      row.posted_publicly && "posted publicly",
                      row.renewed && "renewed",
                      row.became_advocate && "became an advocate",
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Pagination
        page={page}
        pageSize={20}
        total={total}
        noun="delight moments"
        hrefFor={(p) => withParams("/delight", params, { logPage: p })}
      />
    </Card>
  );
}

export default async function DelightPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requirePageMember();
  const params = await searchParams;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Delight"
        description="Every complaint, bug report or error message is a chance for a moment of delight. Answer them before they turn into churn."
      />
      {first(params, "logged") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-2 text-sm font-medium text-emerald-800">
          Delight moment logged.
        </p>
      ) : null}
      <Suspense fallback={<Skeleton className="h-64" />}>
        <Queue member={member} params={params} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-3">
        <Suspense fallback={<Skeleton className="h-48" />}>
          <Monthly />
        </Suspense>
        <div className="lg:col-span-2">
          <Suspense fallback={<Skeleton className="h-96" />}>
            <Log params={params} />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
