"use client";

import { useTranslations } from "next-intl";
import { saveSecuritySettingsAction } from "@/server/account/actions";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  revokeInvitationAction,
  setMemberActiveAction,
} from "@/server/team/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

const ROLE_OPTIONS = ["admin", "manager", "csm", "viewer"] as const;

export function InviteMemberForm() {
  const t = useTranslations("settings");
  const tl = useTranslations("labels");
  const { state, pending, onSubmit } = useActionForm(inviteMemberAction);
  const errors = fieldErrors(state);
  const link = state?.ok ? (state.data as { link: string | null } | undefined)?.link : null;
  return (
    <form
      onSubmit={onSubmit}
      aria-label={t("team.invite.title")}
      className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      <TextField name="name" id="member-name" label={t("team.invite.name")} errors={errors.name} />
      <TextField name="email" id="member-email" label={t("team.invite.email")} type="email" errors={errors.email} />
      <SelectField name="role" id="member-role" label={t("team.invite.role")} defaultValue="csm" errors={errors.role}>
        {ROLE_OPTIONS.map((value) => (
          <option key={value} value={value}>
            {tl(`roles.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
        <SubmitButton pending={pending} pendingText={t("team.invite.inviting")}>
          {t("team.invite.send")}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
      {link ? (
        <div className="sm:col-span-2 lg:col-span-3">
          <label htmlFor="invitation-link" className="block text-sm font-medium text-slate-700">
            {t("team.invite.link")}
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
  const t = useTranslations("settings");
  const form = useActionForm(revokeInvitationAction, {
    confirm: t("team.invite.revokeConfirm", { email }),
  });
  return (
    <form
      onSubmit={form.onSubmit}
      aria-label={t("team.invite.revokeLabel", { email })}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="secondary" pending={form.pending} pendingText="…">
        {t("team.invite.revoke")}
      </SubmitButton>
      <FormMessage state={form.state} />
    </form>
  );
}

export function SecuritySettingsForm({ requireAdminTwoFactor }: { requireAdminTwoFactor: boolean }) {
  const t = useTranslations("settings");
  const { state, pending, onSubmit } = useActionForm(saveSecuritySettingsAction);
  return (
    <form onSubmit={onSubmit} aria-label={t("team.security.title")} className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="requireAdminTwoFactor" defaultChecked={requireAdminTwoFactor} />
        {t("team.security.requireAdminTwoFactor")}
      </label>
      <SubmitButton variant="secondary" pending={pending} pendingText={t("team.security.saving")}>
        {t("team.security.save")}
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
  const t = useTranslations("settings");
  const tl = useTranslations("labels");
  const roleForm = useActionForm(changeMemberRoleAction);
  const activeForm = useActionForm(setMemberActiveAction, {
    confirm: active ? t("team.member.deactivateConfirm", { name }) : undefined,
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form
        onSubmit={roleForm.onSubmit}
        aria-label={t("team.member.roleOf", { name })}
        className="flex items-center gap-2"
      >
        <input type="hidden" name="memberId" value={memberId} />
        <select
          name="role"
          aria-label={t("team.member.roleOf", { name })}
          defaultValue={role}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {ROLE_OPTIONS.map((value) => (
            <option key={value} value={value}>
              {tl(`roles.${value}`)}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" pending={roleForm.pending} pendingText="…">
          {t("team.member.changeRole")}
        </SubmitButton>
      </form>
      <form
        onSubmit={activeForm.onSubmit}
        aria-label={active ? t("team.member.deactivateLabel", { name }) : t("team.member.reactivateLabel", { name })}
      >
        <input type="hidden" name="memberId" value={memberId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <SubmitButton variant={active ? "danger" : "secondary"} pending={activeForm.pending} pendingText="…">
          {active ? t("team.member.deactivate") : t("team.member.reactivate")}
        </SubmitButton>
      </form>
      <FormMessage state={roleForm.state ?? activeForm.state} />
    </div>
  );
}
