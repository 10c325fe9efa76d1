import { getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/advocates/invite-form";
import { RoleStatusButtons } from "@/components/advocates/role-status-buttons";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { advocateRoleName } from "@/lib/i18n/labels";
import { can, type SessionMember } from "@/lib/permissions";
import { getCustomerRoles, listAdvocateRoles } from "@/server/advocacy/queries";

/** The roles an advocate holds or was invited to, with status buttons and an invitation to another. */
export async function AdvocateRoles({
  customer,
  member,
}: {
  customer: { id: number; name: string };
  member: SessionMember;
}) {
  const db = await readDb();
  const canWrite = can(member.role, "advocacy.write");
  const [roster, catalog, t, tl, f] = await Promise.all([
    getCustomerRoles(db, { customerId: customer.id }),
    canWrite ? listAdvocateRoles(db, { activeOnly: true }) : [],
    getTranslations("advocates.roles"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const roles = catalog.map((role) => ({ id: role.id, name: advocateRoleName(tl, role) }));
  return (
    <Card title={t("title")}>
      {roster.length === 0 ? (
        <p className="mb-3 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="mb-3 space-y-2 text-sm">
          {roster.map((r) => {
            const roleName = advocateRoleName(tl, { key: r.roleKey, name: r.roleName });
            return (
              <li key={r.assignmentId} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {t.rich("line", {
                    role: roleName,
                    status: r.status,
                    date: f.date(r.retiredAt ?? r.activatedAt ?? r.invitedAt),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </span>
                {canWrite ? (
                  <RoleStatusButtons assignmentId={r.assignmentId} status={r.status} label={roleName} />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite ? <InviteForm customerId={customer.id} customerName={customer.name} roles={roles} /> : null}
    </Card>
  );
}
