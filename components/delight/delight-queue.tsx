import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { db } from "@/db";
import { formatCents } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { first, pageParam, param, type SearchParams, searchText, withParams } from "@/lib/search-params";
import { getDelightQueue } from "@/server/delight/queries";

/** The queue's page, "only my customers" and search, from the URL. */
function readQueueView(params: SearchParams) {
  return {
    page: param(params, "queuePage", pageParam, 1),
    mine: first(params, "queue") === "mine",
    q: searchText(params),
  };
}

/** Recent debits nobody has answered with a gesture yet, each with a "Delight" button. */
export async function DelightQueue({ member, params }: { member: SessionMember; params: SearchParams }) {
  const { page, mine, q } = readQueueView(params);
  const { rows, total, more, days } = await getDelightQueue(db, { page, ownerId: mine ? member.id : undefined, q });
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
              <tr key={row.interactionId} data-testid="queue-row" className="border-t border-slate-100 align-top">
                <td className="py-2">
                  <Link href={`/customers/${row.customerId}`} className="font-medium text-brand-700 hover:underline">
                    {row.customerName}
                  </Link>
                  <div className="text-xs text-slate-500">
                    {[row.company, row.ownerName].filter(Boolean).join(" · ")}
                  </div>
                </td>
                <td className="py-2">
                  <span className="font-medium">{row.label}</span>
                  {row.summary ? <span className="text-slate-600"> — {row.summary}</span> : null}
                </td>
                <td className="py-2 text-right tabular-nums">{formatCents(row.mrrCents)}</td>
                <td className="py-2 text-right tabular-nums">{row.ageDays === 0 ? "today" : `${row.ageDays} d`}</td>
                <td className="py-2 pl-3 text-right">
                  {canWrite ? (
                    <Link
                      href={`/delight/new?prompt=${row.interactionId}&back=${encodeURIComponent(withParams("/delight", params, { logged: undefined }))}`}
                      className={buttonClass("primary", "px-3 py-1.5 text-xs")}
                      aria-label={`Delight ${row.customerName}`}
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
        noun={{ one: "debit waiting", many: "debits waiting" }}
        hrefFor={(p) => withParams("/delight", params, { queuePage: p })}
      />
    </Card>
  );
}
