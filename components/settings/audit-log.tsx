import { FILTER_CONTROL, FilterSelect } from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { auditChanges } from "@/lib/audit-diff";
import { formatDateTime } from "@/lib/format";
import { DISPLAY_TIME_ZONE } from "@/lib/dates";
import { first, type SearchParams, withParams } from "@/lib/search-params";
import { type AuditQuery, getAuditLog, listAuditEntityTypes } from "@/server/audit/queries";
import { listMembers } from "@/server/team/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Every write, newest first, filtered by member, entity and dates. */
export async function AuditLog({ params, query }: { params: SearchParams; query: AuditQuery }) {
  const db = await readDb();
  const [{ rows, total }, members, entities] = await Promise.all([
    getAuditLog(db, query),
    listMembers(db),
    listAuditEntityTypes(db),
  ]);
  const memberNames = new Map(members.map((member) => [member.id, member.name]));
  return (
    <Card title="Audit log: every write, who made it and what changed">
      <form
        method="get"
        role="search"
        aria-label="Filter the audit log"
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        <FilterSelect label="Member" name="member" defaultValue={first(params, "member") ?? ""}>
          <option value="">Anyone</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Entity" name="entity" defaultValue={query.entityType ?? ""}>
          <option value="">Any</option>
          {entities.map((e) => (
            <option key={e} value={e}>
              {e.replace(/_/g, " ")}
            </option>
          ))}
        </FilterSelect>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          From
          <input type="date" name="from" defaultValue={first(params, "from") ?? ""} className={FILTER_CONTROL} />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          To
          <input type="date" name="to" defaultValue={first(params, "to") ?? ""} className={FILTER_CONTROL} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
      </form>
      <ScrollRegion label="Audit entries">
        <table className="w-full text-left text-sm" aria-label="Audit entries">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                When ({DISPLAY_TIME_ZONE})
              </th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top">
                <td className="py-1.5 whitespace-nowrap tabular-nums">{formatDateTime(row.at)}</td>
                <td>{row.actorLabel}</td>
                <td className="font-mono text-xs">{row.action}</td>
                <td className="text-xs">
                  {row.entityType} {row.entityId}
                </td>
                <td className="break-words text-xs text-slate-600">
                  {auditChanges(row.before, row.after, (id) => memberNames.get(id))
                    .map((change) =>
                      change.before === null
                        ? `${change.field}: ${change.after}`
                        : `${change.field}: ${change.before} → ${change.after}`,
                    )
                    .join(" · ")}
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-2 text-slate-600">
                  No entries match.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </ScrollRegion>
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        noun={{ one: "entry", many: "entries" }}
        hrefFor={(page) => withParams("/settings/audit", params, { page })}
      />
    </Card>
  );
}
