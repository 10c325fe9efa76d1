"use client";

import { useTranslations } from "next-intl";
import { inviteToRoleAction } from "@/server/advocacy/actions";
import { fieldErrors, FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

/** "Invite to a role": pick a role from the catalog and invite in one step. */
export function InviteForm({
  customerId,
  customerName,
  roles,
}: {
  customerId: number;
  customerName: string;
  roles: { id: number; name: string }[];
}) {
  const t = useTranslations("advocates.invite");
  const { state, pending, onSubmit } = useActionForm(inviteToRoleAction);
  const error = fieldErrors(state).roleId?.[0];
  return (
    <form
      onSubmit={onSubmit}
      aria-label={t("aria", { name: customerName })}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="customerId" value={customerId} />
      <select
        name="roleId"
        aria-label={t("role")}
        defaultValue=""
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        aria-invalid={Boolean(error)}
      >
        <option value="" disabled>
          {t("choose")}
        </option>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pending={pending} pendingText={t("inviting")}>
        {t("submit")}
      </SubmitButton>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
