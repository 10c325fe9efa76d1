import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { countOf, formatCents, formatDate, formatSigned } from "@/lib/format";
import { pageParam, param, type SearchParams, withParams } from "@/lib/search-params";
import { getDelightLog } from "@/server/delight/queries";

/** The delight moments, newest first, each with the balance before and 30 days after: did it work? */
export async function DelightLog({ params }: { params: SearchParams }) {
  const db = await readDb();
  const page = param(params, "logPage", pageParam, 1);
  const { rows, total } = await getDelightLog(db, { page });
  return (
    <Card title="Log of delight moments: did it work?">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No delight moments yet.</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Delight log">
          {rows.map((row) => {
            const change = row.balanceAfter - row.balanceBefore;
            return (
              <li key={row.id} data-testid="delight-log-entry" className="py-3 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span>
                    <Link href={`/customers/${row.customerId}`} className="font-medium text-brand-700 hover:underline">
                      {row.customerName}
                    </Link>{" "}
                    <span className="text-slate-500">
                      · {formatDate(row.occurredAt)}
                      {row.actorName ? ` · by ${row.actorName}` : ""}
                    </span>
                  </span>
                  <span className="tabular-nums">
                    {formatCents(row.costCents)} ·{" "}
                    <span className={change >= 0 ? "font-medium text-emerald-700" : "font-medium text-red-700"}>
                      balance {formatSigned(row.balanceBefore)} → {formatSigned(row.balanceAfter)} (
                      {formatSigned(change)} in {countOf(row.daysAfter, "day")})
                    </span>
                  </span>
                </div>
                <p className="text-slate-700">
                  <span className="text-slate-500">Prompt:</span> {row.prompt}
                </p>
                <p className="text-slate-700">
                  <span className="text-slate-500">Gesture:</span> {row.gesture}
                </p>
                {row.outcome || row.postedPublicly || row.renewed || row.becameAdvocate ? (
                  <p className="text-slate-700">
                    <span className="text-slate-500">Outcome:</span>{" "}
                    {[
                      row.outcome,
                      row.postedPublicly && "posted publicly",
                      row.renewed && "renewed",
                      row.becameAdvocate && "became an advocate",
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
        noun={{ one: "delight moment", many: "delight moments" }}
        hrefFor={(p) => withParams("/delight", params, { logPage: p })}
      />
    </Card>
  );
}
