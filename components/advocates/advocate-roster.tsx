import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { RoleStatusButtons } from "@/components/advocates/role-status-buttons";
import { FILTER_CONTROL, FilterSelect } from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { advocateRoleName } from "@/lib/i18n/labels";
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
  const [{ entries, total }, summary, t, ta, tl, f] = await Promise.all([
    getRosterPage(db, query),
    getRosterSummary(db),
    getTranslations("advocates.roster"),
    getTranslations("advocates"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const roleName = (role: { roleKey: string; roleName: string }) =>
    advocateRoleName(tl, { key: role.roleKey, name: role.roleName });
  const canWrite = can(member.role, "advocacy.write");
  const filtered = query.roleId !== undefined || query.status !== undefined || query.q !== undefined;
  const roleHref = (roleId?: number) => withParams("/advocates", params, { role: roleId, page: undefined });
  return (
    <Card title={t("title")}>
      {summary.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noRoles")}</p>
      ) : (
        <ul className="mb-3 flex flex-wrap gap-2 text-sm" aria-label={t("rolesAria")}>
          {summary.map((role) => (
            <li key={role.roleId}>
              <Link
                href={roleHref(query.roleId === role.roleId ? undefined : role.roleId)}
                aria-current={query.roleId === role.roleId ? "true" : undefined}
                className={`inline-block rounded-md border px-2.5 py-1 ${query.roleId === role.roleId ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-200 text-slate-700 hover:bg-slate-50"}`}
              >
                <span className="font-medium">{roleName(role)}</span>{" "}
                <span className="text-slate-500">
                  {role.retired > 0
                    ? t("countsRetired", {
                        active: f.number(role.active),
                        invited: f.number(role.invited),
                        retired: f.number(role.retired),
                      })
                    : t("counts", { active: f.number(role.active), invited: f.number(role.invited) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <form method="get" role="search" aria-label={t("filterAria")} className="mb-3 flex flex-wrap items-end gap-3">
        <FilterSelect label={t("role")} name="role" defaultValue={query.roleId ? String(query.roleId) : ""}>
          <option value="">{t("allRoles")}</option>
          {summary.map((role) => (
            <option key={role.roleId} value={role.roleId}>
              {roleName(role)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("status")} name="status" defaultValue={query.status ?? ""}>
          <option value="">{t("anyStatus")}</option>
          <option value="active">{t("active")}</option>
          <option value="invited">{t("invited")}</option>
          <option value="retired">{t("retired")}</option>
        </FilterSelect>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          {t("name")}
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} className={FILTER_CONTROL} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
        {filtered ? (
          <Link href="/advocates" className="text-sm font-medium text-brand-700 underline">
            {t("clear")}
          </Link>
        ) : null}
      </form>
      {total === 0 ? (
        <p className="text-sm text-slate-600">{filtered ? t("noMatch") : t("empty")}</p>
      ) : (
        <>
          <ScrollRegion label={t("aria")}>
            <table className="w-full text-left text-sm" aria-label={t("aria")}>
              <thead className="text-xs uppercase text-slate-500">
                <tr className="[&>th]:py-1 [&>th]:pr-3">
                  <th scope="col">{t("advocate")}</th>
                  {query.roleId ? null : <th scope="col">{t("role")}</th>}
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("since")}</th>
                  <th scope="col">{t("lastActivity")}</th>
                  <th scope="col">{t("asksThisQuarter")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("actions")}</span>
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
                    {query.roleId ? null : <td>{roleName(e)}</td>}
                    <td
                      className={
                        e.status === "active"
                          ? "text-emerald-700"
                          : e.status === "invited"
                            ? "text-amber-700"
                            : "text-slate-500"
                      }
                    >
                      {ta(`roleStatus.${e.status}`)}
                    </td>
                    <td className="whitespace-nowrap">{f.date(e.retiredAt ?? e.activatedAt ?? e.invitedAt)}</td>
                    <td className="whitespace-nowrap">{e.lastActivity ? f.ago(e.lastActivity) : "—"}</td>
                    <td className={e.asksUsed >= e.capacity ? "font-medium text-amber-800" : ""}>
                      {t("asks", { used: f.number(e.asksUsed), capacity: f.number(e.capacity) })}
                    </td>
                    <td>
                      {canWrite ? (
                        <RoleStatusButtons
                          assignmentId={e.assignmentId}
                          status={e.status}
                          label={t("assignment", { name: e.customerName, role: roleName(e) })}
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
            counted={(count, number) => t("counted", { count, number })}
            hrefFor={(page) => withParams("/advocates", params, { page })}
          />
        </>
      )}
    </Card>
  );
}
