"use client";

import { addMemberAction, changeMemberRoleAction, setMemberActiveAction } from "@/server/team/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

const ROLE_OPTIONS = [
  ["admin", "Admin"],
  ["manager", "Manager"],
  ["csm", "Customer success manager"],
  ["viewer", "Viewer"],
] as const;

export function AddMemberForm() {
  const { state, pending, onSubmit } = useActionForm(addMemberAction);
  const errors = fieldErrors(state);
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Add a member"
      className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4"
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
      <TextField
        name="password"
        id="member-password"
        label="First password"
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        hint="At least 12 characters; share it safely."
      />
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4">
        <SubmitButton pending={pending} pendingText="Adding…">
          Add member
        </SubmitButton>
        <FormMessage state={state} />
      </div>
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
