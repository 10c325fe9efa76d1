import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getTranslations } from "next-intl/server";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { pageParam, param, type SearchParams, withParams } from "@/lib/search-params";
import { getDelightLog } from "@/server/delight/queries";

/** The delight moments, newest first, each with the balance before and 30 days after: did it work? */
export async function DelightLog({ params }: { params: SearchParams }) {
  const db = await readDb();
  const page = param(params, "logPage", pageParam, 1);
  const [{ rows, total }, t, f] = await Promise.all([
    getDelightLog(db, { page }),
    getTranslations("delight.log"),
    getFormat(),
  ]);
  return (
    <Card title={t("title")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label={t("aria")}>
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
                      · {f.date(row.occurredAt)}
                      {row.actorName ? ` · ${t("by", { name: row.actorName })}` : ""}
                    </span>
                  </span>
                  <span className="tabular-nums">
                    {f.money(row.costCents)} ·{" "}
                    <span className={change >= 0 ? "font-medium text-emerald-700" : "font-medium text-red-700"}>
                      {t("balance", {
                        before: f.signed(row.balanceBefore),
                        after: f.signed(row.balanceAfter),
                        change: f.signed(change),
                        days: row.daysAfter,
                      })}
                    </span>
                  </span>
                </div>
                <p className="text-slate-700">
                  <span className="text-slate-500">{t("prompt")}</span> {row.prompt}
                </p>
                <p className="text-slate-700">
                  <span className="text-slate-500">{t("gesture")}</span> {row.gesture}
                </p>
                {row.outcome || row.postedPublicly || row.renewed || row.becameAdvocate ? (
                  <p className="text-slate-700">
                    <span className="text-slate-500">{t("outcome")}</span>{" "}
                    {[
                      row.outcome,
                      row.postedPublicly && t("postedPublicly"),
                      row.renewed && t("renewed"),
                      row.becameAdvocate && t("becameAdvocate"),
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
        counted={(count, number) => t("counted", { count, number })}
        hrefFor={(p) => withParams("/delight", params, { logPage: p })}
      />
    </Card>
  );
}
