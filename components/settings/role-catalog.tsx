import { getTranslations } from "next-intl/server";
import { RoleForm } from "@/components/settings/role-form";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { ADVOCATE_ROLE_CATALOG } from "@/lib/interaction-catalog";
import { advocateRoleName } from "@/lib/i18n/labels";
import { can, type SessionMember } from "@/lib/permissions";
import { listAdvocateRoles } from "@/server/advocacy/queries";

/** The catalog of community roles; admins add, rename and retire them. */
export async function RoleCatalog({ member }: { member: SessionMember }) {
  const [db, t, tl] = await Promise.all([readDb(), getTranslations("settings"), getTranslations("labels")]);
  const roles = await listAdvocateRoles(db);
  const editable = can(member.role, "settings.manage");
  // Admins edit the names as stored; others read a built-in role's name and description in their language.
  const shown = (role: (typeof roles)[number]) => {
    if (editable) return role;
    const builtIn = ADVOCATE_ROLE_CATALOG.find((entry) => entry.key === role.key);
    const descriptionKey = `advocateRoles.${role.key}.description` as Parameters<typeof tl>[0];
    return {
      ...role,
      name: advocateRoleName(tl, role),
      description: builtIn?.description === role.description ? tl(descriptionKey) : role.description,
    };
  };
  return (
    <Card title={t("roles.title")}>
      {roles.map((role) => (
        <RoleForm key={`${role.id}-${role.name}-${role.active}`} role={shown(role)} editable={editable} />
      ))}
      {editable ? <RoleForm role={{ name: "", description: "", active: true }} editable /> : null}
    </Card>
  );
}
