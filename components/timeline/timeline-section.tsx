import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { CustomerTimeline } from "@/components/timeline/customer-timeline";
import { chipClass } from "@/components/ui/button";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { type SearchParams, withParams } from "@/lib/search-params";
import { getTimeline, TIMELINE_KINDS, type TimelineKind } from "@/server/customers/timeline";
import { listInteractionTypes } from "@/server/ledger/interaction-types";

/** One page of the customer's timeline, filtered by kind, with the log form and older/newer links. */
export async function TimelineSection({
  customerId,
  member,
  kind,
  cursor,
  params,
  focusLogForm = false,
}: {
  customerId: number;
  member: SessionMember;
  kind: TimelineKind;
  cursor?: string;
  params: SearchParams;
  focusLogForm?: boolean;
}) {
  const db = await readDb();
  const [page, types, t] = await Promise.all([
    getTimeline(db, { customerId, kind, cursor }),
    listInteractionTypes(db),
    getTranslations("timeline.section"),
  ]);
  const path = `/customers/${customerId}`;
  return (
    <section aria-label={t("label")}>
      <nav aria-label={t("filter")} className="mb-3 flex flex-wrap gap-2">
        {TIMELINE_KINDS.map((k) => (
          <Link
            key={k}
            href={withParams(path, params, { kind: k === "all" ? undefined : k, cursor: undefined })}
            aria-current={k === kind ? "page" : undefined}
            className={chipClass(k === kind, "text-xs")}
          >
            {t(`kinds.${k}`)}
          </Link>
        ))}
      </nav>
      <CustomerTimeline
        customerId={customerId}
        entries={page.entries}
        types={types}
        viewer={{
          id: member.id,
          name: member.name,
          isAdmin: member.role === "admin",
          canWrite: can(member.role, "interactions.write"),
        }}
        focusLogForm={focusLogForm}
      />
      <div className="mt-4 flex gap-3 text-sm">
        {cursor ? (
          <Link href={withParams(path, params, { cursor: undefined })} className="font-medium text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            href={withParams(path, params, { cursor: page.nextCursor })}
            className="font-medium text-brand-700 underline"
          >
            {t("older")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
