"use client";

import { saveSecuritySettingsAction } from "@/server/account/actions";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  revokeInvitationAction,
  setMemberActiveAction,
} from "@/server/team/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

const ROLE_OPTIONS = [
  ["admin", "Admin"],
  ["manager", "Manager"],
  ["csm", "Customer success manager"],
  ["viewer", "Viewer"],
] as const;

export function InviteMemberForm() {
  const { state, pending, onSubmit } = useActionForm(inviteMemberAction);
  const errors = fieldErrors(state);
  const link = state?.ok ? (state.data as { link: string | null } | undefined)?.link : null;
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Invite a member"
      className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      <TextField name="name" id="member-name" label="Name" errors={errors.name} />
      <TextField name="email" id="member-email" label="Email" type="email" errors={errors.email} />
      <SelectField name="role" id="member-role" label="Role" defaultValue="csm" errors={errors.role}>
        {ROLE_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
        <SubmitButton pending={pending} pendingText="Inviting…">
          Send invitation
        </SubmitButton>
        <FormMessage state={state} />
      </div>
      {link ? (
        <div className="sm:col-span-2 lg:col-span-3">
          <label htmlFor="invitation-link" className="block text-sm font-medium text-slate-700">
            Invitation link
          </label>
          <input
            id="invitation-link"
            readOnly
            value={link}
            data-testid="invitation-link"
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
        </div>
      ) : null}
    </form>
  );
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: number; email: string }) {
  const form = useActionForm(revokeInvitationAction, {
    confirm: `Revoke the invitation to ${email}? The link stops working.`,
  });
  return (
    <form onSubmit={form.onSubmit} aria-label={`Revoke the invitation to ${email}`} className="flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="secondary" pending={form.pending} pendingText="…">
        Revoke
      </SubmitButton>
      <FormMessage state={form.state} />
    </form>
  );
}

export function SecuritySettingsForm({ requireAdminTwoFactor }: { requireAdminTwoFactor: boolean }) {
  const { state, pending, onSubmit } = useActionForm(saveSecuritySettingsAction);
  return (
    <form onSubmit={onSubmit} aria-label="Sign-in security" className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="requireAdminTwoFactor" defaultChecked={requireAdminTwoFactor} />
        Admins must sign in with two-factor
      </label>
      <SubmitButton variant="secondary" pending={pending} pendingText="Saving…">
        Save
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function MemberControls({
  memberId,
  name,
  role,
  active,
}: {
  memberId: number;
  name: string;
  role: string;
  active: boolean;
}) {
  const roleForm = useActionForm(changeMemberRoleAction);
  const activeForm = useActionForm(setMemberActiveAction, {
    confirm: active
      ? `Deactivate ${name}? They are signed out at once and cannot sign in until reactivated.`
      : undefined,
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form onSubmit={roleForm.onSubmit} aria-label={`Role of ${name}`} className="flex items-center gap-2">
        <input type="hidden" name="memberId" value={memberId} />
        <select
          name="role"
          aria-label={`Role of ${name}`}
          defaultValue={role}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {ROLE_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" pending={roleForm.pending} pendingText="…">
          Change role
        </SubmitButton>
      </form>
      <form onSubmit={activeForm.onSubmit} aria-label={`${active ? "Deactivate" : "Reactivate"} ${name}`}>
        <input type="hidden" name="memberId" value={memberId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <SubmitButton variant={active ? "danger" : "secondary"} pending={activeForm.pending} pendingText="…">
          {active ? "Deactivate" : "Reactivate"}
        </SubmitButton>
      </form>
      <FormMessage state={roleForm.state ?? activeForm.state} />
    </div>
  );
}
