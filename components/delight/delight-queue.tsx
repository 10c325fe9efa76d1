import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getTranslations } from "next-intl/server";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { interactionTypeLabel } from "@/lib/i18n/labels";
import { can, defaultOwnerScope, type SessionMember } from "@/lib/permissions";
import { first, pageParam, param, type SearchParams, searchText, withParams } from "@/lib/search-params";
import { getDelightQueue } from "@/server/delight/queries";

/** The queue's page, whose customers ("mine" or "all"; a CSM starts with their own) and search, from the URL. */
function readQueueView(params: SearchParams, member: SessionMember) {
  const scope = first(params, "queue") ?? defaultOwnerScope(member.role);
  return {
    page: param(params, "queuePage", pageParam, 1),
    mine: scope === "mine" && member.role !== "viewer",
    q: searchText(params),
  };
}

type T = Awaited<ReturnType<typeof getTranslations<"delight.queue">>>;

function emptyMessage(t: T, mine: boolean, q: string | undefined): string {
  if (q) return t("emptySearch", { q });
  if (mine) return t("emptyMine");
  return t("emptyAll");
}

/** Recent debits nobody has answered with a gesture yet, each with a "Delight" button. */
export async function DelightQueue({ member, params }: { member: SessionMember; params: SearchParams }) {
  const db = await readDb();
  const { page, mine, q } = readQueueView(params, member);
  const [{ rows, total, more, days }, t, tl, f] = await Promise.all([
    getDelightQueue(db, { page, ownerId: mine ? member.id : undefined, q }),
    getTranslations("delight.queue"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const canWrite = can(member.role, "delight.write");
  return (
    <Card
      title={t("title", { days })}
      action={
        member.role === "viewer" ? undefined : (
          <Link
            href={withParams("/delight", params, { queue: mine ? "all" : "mine", queuePage: undefined })}
            className="text-sm font-medium text-brand-700 underline"
          >
            {mine ? t("showEveryone") : t("onlyMine")}
          </Link>
        )
      }
    >
      <form method="get" role="search" aria-label={t("searchAria")} className="mb-3 flex gap-2">
        <input type="hidden" name="queue" value={mine ? "mine" : "all"} />
        <input
          name="q"
          type="search"
          aria-label={t("searchLabel")}
          defaultValue={q ?? ""}
          placeholder={t("searchLabel")}
          className="w-64 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        <button type="submit" className={buttonClass("secondary")}>
          {t("find")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{emptyMessage(t, mine, q)}</p>
      ) : (
        <div className="card-list">
          <table className="w-full text-left text-sm" aria-label={t("tableAria")}>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" data-card-hide className="py-1">
                  {t("customer")}
                </th>
                <th scope="col" data-card-hide>
                  {t("whatHappened")}
                </th>
                <th scope="col" data-card-hide className="text-right">
                  {t("mrr")}
                </th>
                <th scope="col" data-card-hide className="text-right">
                  {t("age")}
                </th>
                <th scope="col" data-card-hide>
                  <span className="sr-only">{t("action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.interactionId} data-testid="queue-row" className="border-t border-slate-100 align-top">
                  <td data-card="title" className="py-2">
                    <Link href={`/customers/${row.customerId}`} className="font-medium text-brand-700 hover:underline">
                      {row.customerName}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {[row.company, row.ownerName].filter(Boolean).join(" · ")}
                    </div>
                  </td>
                  <td data-card="lead" className="py-2">
                    <span className="font-medium">
                      {interactionTypeLabel(tl, { key: row.typeKey, label: row.label })}
                    </span>
                    {row.summary ? <span className="text-slate-600"> — {row.summary}</span> : null}
                  </td>
                  <td data-label={t("mrr")} className="py-2 text-right tabular-nums">
                    {f.money(row.mrrCents)}
                  </td>
                  <td data-label={t("age")} className="py-2 text-right tabular-nums">
                    {f.daysAgo(row.ageDays)}
                  </td>
                  <td data-card="lead" className="py-2 pl-3 text-right">
                    {canWrite ? (
                      <Link
                        href={`/delight/new?prompt=${row.interactionId}&back=${encodeURIComponent(withParams("/delight", params, { logged: undefined }))}`}
                        className={buttonClass("primary", "px-3 py-1.5 text-xs")}
                        aria-label={t("delightAria", { name: row.customerName })}
                      >
                        {t("delight")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageSize={30}
        total={total}
        more={more}
        counted={(count, number) => t("counted", { count, number })}
        hrefFor={(p) => withParams("/delight", params, { queuePage: p })}
      />
    </Card>
  );
}
