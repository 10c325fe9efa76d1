import { RoleForm } from "@/components/settings/role-form";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { listAdvocateRoles } from "@/server/advocacy/queries";

/** The catalog of community roles; admins add, rename and retire them. */
export async function RoleCatalog({ member }: { member: SessionMember }) {
  const db = await readDb();
  const roles = await listAdvocateRoles(db);
  const editable = can(member.role, "settings.manage");
  return (
    <Card title="Roles advocates can take on in the community">
      {roles.map((role) => (
        <RoleForm key={`${role.id}-${role.name}-${role.active}`} role={role} editable={editable} />
      ))}
      {editable ? <RoleForm role={{ name: "", description: "", active: true }} editable /> : null}
    </Card>
  );
}
