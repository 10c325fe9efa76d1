import { RoleForm } from "@/components/settings/role-form";
import { Card } from "@/components/ui/card";
import { listAdvocateRoles } from "@/server/advocacy/queries";
import { requirePageMember } from "@/server/auth/session";
import { can } from "@/lib/permissions";

export const metadata = { title: "Advocate roles" };

export default async function RolesPage() {
  const member = await requirePageMember("settings.read");
  const roles = await listAdvocateRoles();
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
