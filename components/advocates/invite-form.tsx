"use client";

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
  const { state, pending, onSubmit } = useActionForm(inviteToRoleAction);
  const error = fieldErrors(state).roleId?.[0];
  return (
    <form
      onSubmit={onSubmit}
      aria-label={`Invite ${customerName} to a role`}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="customerId" value={customerId} />
      <select
        name="roleId"
        aria-label="Role"
        defaultValue=""
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        aria-invalid={Boolean(error)}
      >
        <option value="" disabled>
          Choose a role…
        </option>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pending={pending} pendingText="Inviting…">
        Invite to a role
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
