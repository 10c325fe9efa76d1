"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/components/ui/button";
import { acceptInvitationAction, type InvitationState } from "@/server/auth/actions";

function SubmitButton() {
  const t = useTranslations("auth.invite");
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
      {pending ? t("joining") : t("submit")}
    </button>
  );
}

const inputClass = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm";

function PasswordField({ name, label, errors }: { name: string; label: string; errors?: string[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        aria-invalid={Boolean(errors)}
        aria-describedby={`${name}-error`}
        className={inputClass}
      />
      <p id={`${name}-error`} aria-live="polite" className="min-h-5 text-sm text-red-700">
        {errors?.[0]}
      </p>
    </div>
  );
}

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth.invite");
  const [state, action] = useActionState<InvitationState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-3" noValidate aria-label={t("formLabel")}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <PasswordField name="password" label={t("password")} errors={state.fieldErrors?.password} />
      <PasswordField name="confirm" label={t("confirm")} errors={state.fieldErrors?.confirm} />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-red-700">
        {state.message}
      </div>
      <SubmitButton />
    </form>
  );
}
