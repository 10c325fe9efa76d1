"use client";

import { useTranslations } from "next-intl";
import { saveAdvocateRoleAction } from "@/server/advocacy/actions";
import { fieldErrors, FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

type Role = { id?: number; name: string; description: string; active: boolean };

export function RoleForm({ role, editable }: { role: Role; editable: boolean }) {
  const t = useTranslations("settings");
  const { state, pending, onSubmit } = useActionForm(saveAdvocateRoleAction);
  const errors = fieldErrors(state);
  const prefix = role.id ? `role-${role.id}` : "role-new";
  return (
    <form
      onSubmit={onSubmit}
      aria-label={role.id ? t("roles.formLabel", { name: role.name }) : t("roles.newFormLabel")}
      className="flex flex-wrap items-start gap-3 border-t border-slate-100 py-3"
      noValidate
    >
      {role.id ? <input type="hidden" name="roleId" value={role.id} /> : null}
      <label className="flex flex-col text-xs font-medium text-slate-600" htmlFor={`${prefix}-name`}>
        {t("roles.name")}
        <input
          id={`${prefix}-name`}
          name="name"
          defaultValue={role.name}
          disabled={!editable}
          aria-invalid={Boolean(errors.name)}
          className="w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        {errors.name ? <span className="text-red-700">{errors.name[0]}</span> : null}
      </label>
      <label
        className="flex min-w-64 flex-1 flex-col text-xs font-medium text-slate-600"
        htmlFor={`${prefix}-description`}
      >
        {t("roles.description")}
        <input
          id={`${prefix}-description`}
          name="description"
          defaultValue={role.description}
          disabled={!editable}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <label className="mt-5 flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={role.active} disabled={!editable} /> {t("roles.active")}
      </label>
      {editable ? (
        <div className="mt-4 flex items-center gap-2">
          <SubmitButton variant="secondary" pending={pending} pendingText={t("roles.saving")}>
            {role.id ? t("roles.save") : t("roles.add")}
          </SubmitButton>
          <FormMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}
