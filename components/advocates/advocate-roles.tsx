import { InviteForm } from "@/components/advocates/invite-form";
import { RoleStatusButtons } from "@/components/advocates/role-status-buttons";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatDate } from "@/lib/format";
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
  const [roster, roles] = await Promise.all([
    getCustomerRoles(db, { customerId: customer.id }),
    canWrite ? listAdvocateRoles(db, { activeOnly: true }) : [],
  ]);
  return (
    <Card title="Roles">
      {roster.length === 0 ? (
        <p className="mb-3 text-sm text-slate-600">No role yet.</p>
      ) : (
        <ul className="mb-3 space-y-2 text-sm">
          {roster.map((r) => (
            <li key={r.assignmentId} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <strong>{r.roleName}</strong> · {r.status} since{" "}
                {formatDate(r.retiredAt ?? r.activatedAt ?? r.invitedAt)}
              </span>
              {canWrite ? (
                <RoleStatusButtons assignmentId={r.assignmentId} status={r.status} label={r.roleName} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? <InviteForm customerId={customer.id} customerName={customer.name} roles={roles} /> : null}
    </Card>
  );
}
