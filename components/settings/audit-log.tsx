import { getTranslations } from "next-intl/server";
import { FILTER_CONTROL, FilterSelect } from "@/components/filters/filter-controls";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { readDb } from "@/server/reads/read-db";
import { auditDiff, type AuditValue, auditValueText, fieldLabel } from "@/lib/audit-diff";
import { getFormat } from "@/server/i18n/format";
import { first, type SearchParams, withParams } from "@/lib/search-params";
import { type AuditQuery, getAuditLog, listAuditEntityTypes } from "@/server/audit/queries";
import { listMembers } from "@/server/team/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Every write, newest first, filtered by member, entity and dates. */
export async function AuditLog({ params, query }: { params: SearchParams; query: AuditQuery }) {
  const [db, t, f] = await Promise.all([readDb(), getTranslations("settings"), getFormat()]);
  const [{ rows, total }, members, entities] = await Promise.all([
    getAuditLog(db, query),
    listMembers(db),
    listAuditEntityTypes(db),
  ]);
  const memberNames = new Map(members.map((member) => [member.id, member.name]));
  // Field and entity names the catalog knows are shown in the reader's language; others as words from the column.
  const fieldKey = (key: string) => `audit.fields.${key}` as Parameters<typeof t>[0];
  const entityKey = (entity: string) => `audit.entities.${entity}` as Parameters<typeof t>[0];
  const field = (key: string) => (t.has(fieldKey(key)) ? t(fieldKey(key)) : fieldLabel(key));
  const entity = (type: string) => (t.has(entityKey(type)) ? t(entityKey(type)) : type.replace(/_/g, " "));
  const words = {
    yes: t("audit.yes"),
    no: t("audit.no"),
    member: (id: number) => t("audit.memberId", { id: String(id) }),
  };
  const value = (shown: AuditValue) => auditValueText(shown, f, words);
  return (
    <Card title={t("audit.title")}>
      <form
        method="get"
        role="search"
        aria-label={t("audit.filterLabel")}
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        <FilterSelect label={t("audit.memberFilter")} name="member" defaultValue={first(params, "member") ?? ""}>
          <option value="">{t("audit.anyone")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("audit.entityFilter")} name="entity" defaultValue={query.entityType ?? ""}>
          <option value="">{t("audit.any")}</option>
          {entities.map((e) => (
            <option key={e} value={e}>
              {entity(e)}
            </option>
          ))}
        </FilterSelect>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          {t("audit.from")}
          <input type="date" name="from" defaultValue={first(params, "from") ?? ""} className={FILTER_CONTROL} />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          {t("audit.to")}
          <input type="date" name="to" defaultValue={first(params, "to") ?? ""} className={FILTER_CONTROL} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("audit.apply")}
        </button>
      </form>
      <ScrollRegion label={t("audit.entries")}>
        <table className="w-full text-left text-sm" aria-label={t("audit.entries")}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                {t("audit.columns.when", { zone: f.timeZone })}
              </th>
              <th scope="col">{t("audit.columns.who")}</th>
              <th scope="col">{t("audit.columns.action")}</th>
              <th scope="col">{t("audit.columns.entity")}</th>
              <th scope="col">{t("audit.columns.change")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top">
                <td className="py-1.5 whitespace-nowrap tabular-nums">{f.dateTime(row.at)}</td>
                <td>{row.actorLabel}</td>
                <td className="font-mono text-xs">{row.action}</td>
                <td className="text-xs">
                  {row.entityType} {row.entityId}
                </td>
                <td className="break-words text-xs text-slate-600">
                  {auditDiff(row.before, row.after, (id) => memberNames.get(id))
                    .map((change) =>
                      change.before === null
                        ? t("audit.changeSet", { field: field(change.key), value: value(change.after) })
                        : t("audit.changeFromTo", {
                            field: field(change.key),
                            before: value(change.before),
                            after: value(change.after),
                          }),
                    )
                    .join(t("audit.changeSeparator"))}
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-2 text-slate-600">
                  {t("audit.empty")}
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
        counted={(count, number) => t("audit.counted", { count, number })}
        hrefFor={(page) => withParams("/settings/audit", params, { page })}
      />
    </Card>
  );
}
