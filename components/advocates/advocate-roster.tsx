import { Link } from "@/components/ui/link";
import { RoleStatusButtons } from "@/components/advocates/role-status-buttons";
import { FILTER_CONTROL, FilterSelect } from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { formatAgo, formatDate, formatNumber } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { type SearchParams, withParams } from "@/lib/search-params";
import { getRosterPage, getRosterSummary, type RosterQuery } from "@/server/advocacy/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Who holds which role, a page at a time, by role chip, status and name. */
export async function AdvocateRoster({
  member,
  params,
  query,
}: {
  member: SessionMember;
  params: SearchParams;
  query: RosterQuery;
}) {
  const db = await readDb();
  const [{ entries, total }, summary] = await Promise.all([getRosterPage(db, query), getRosterSummary(db)]);
  const canWrite = can(member.role, "advocacy.write");
  const filtered = query.roleId !== undefined || query.status !== undefined || query.q !== undefined;
  const roleHref = (roleId?: number) => withParams("/advocates", params, { role: roleId, page: undefined });
  return (
    <Card title="Roster by role">
      {summary.length === 0 ? (
        <p className="text-sm text-slate-600">No advocate roles yet: an admin adds them in Settings → Roles.</p>
      ) : (
        <ul className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="Roles">
          {summary.map((role) => (
            <li key={role.roleId}>
              <Link
                href={roleHref(query.roleId === role.roleId ? undefined : role.roleId)}
                aria-current={query.roleId === role.roleId ? "true" : undefined}
                className={`inline-block rounded-md border px-2.5 py-1 ${query.roleId === role.roleId ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-200 text-slate-700 hover:bg-slate-50"}`}
              >
                <span className="font-medium">{role.roleName}</span>{" "}
                <span className="text-slate-500">
                  · {formatNumber(role.active)} active, {formatNumber(role.invited)} invited
                  {role.retired > 0 ? `, ${formatNumber(role.retired)} retired` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <form method="get" role="search" aria-label="Filter the roster" className="mb-3 flex flex-wrap items-end gap-3">
        <FilterSelect label="Role" name="role" defaultValue={query.roleId ? String(query.roleId) : ""}>
          <option value="">All roles</option>
          {summary.map((role) => (
            <option key={role.roleId} value={role.roleId}>
              {role.roleName}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="invited">Invited</option>
          <option value="retired">Retired (last 90 days)</option>
        </FilterSelect>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Name
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} className={FILTER_CONTROL} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {filtered ? (
          <Link href="/advocates" className="text-sm font-medium text-brand-700 underline">
            Clear
          </Link>
        ) : null}
      </form>
      {total === 0 ? (
        <p className="text-sm text-slate-600">
          {filtered
            ? "Nobody on the roster matches these filters."
            : "Nobody holds a role yet. Invite a candidate above."}
        </p>
      ) : (
        <>
          <ScrollRegion label="Roster">
            <table className="w-full text-left text-sm" aria-label="Roster">
              <thead className="text-xs uppercase text-slate-500">
                <tr className="[&>th]:py-1 [&>th]:pr-3">
                  <th scope="col">Advocate</th>
                  {query.roleId ? null : <th scope="col">Role</th>}
                  <th scope="col">Status</th>
                  <th scope="col">Since</th>
                  <th scope="col">Last activity</th>
                  <th scope="col">Asks this quarter</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr
                    key={e.assignmentId}
                    data-testid="roster-entry"
                    className="border-t border-slate-100 [&>td]:py-1.5 [&>td]:pr-3"
                  >
                    <td>
                      <Link href={`/advocates/${e.customerId}`} className="font-medium text-brand-700 hover:underline">
                        {e.customerName}
                      </Link>
                    </td>
                    {query.roleId ? null : <td>{e.roleName}</td>}
                    <td
                      className={
                        e.status === "active"
                          ? "text-emerald-700"
                          : e.status === "invited"
                            ? "text-amber-700"
                            : "text-slate-500"
                      }
                    >
                      {e.status}
                    </td>
                    <td className="whitespace-nowrap">{formatDate(e.retiredAt ?? e.activatedAt ?? e.invitedAt)}</td>
                    <td className="whitespace-nowrap">{e.lastActivity ? formatAgo(e.lastActivity) : "—"}</td>
                    <td className={e.asksUsed >= e.capacity ? "font-medium text-amber-800" : ""}>
                      {e.asksUsed} / {e.capacity}
                    </td>
                    <td>
                      {canWrite ? (
                        <RoleStatusButtons
                          assignmentId={e.assignmentId}
                          status={e.status}
                          label={`${e.customerName} as ${e.roleName}`}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            page={query.page}
            pageSize={query.pageSize}
            total={total}
            noun={{ one: "on the roster", many: "on the roster" }}
            hrefFor={(page) => withParams("/advocates", params, { page })}
          />
        </>
      )}
    </Card>
  );
}
