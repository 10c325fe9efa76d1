"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/components/ui/button";
import { login, type LoginState } from "@/server/auth/actions";

function SubmitButton() {
  const t = useTranslations("auth.login");
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
      {pending ? t("signingIn") : t("signIn")}
    </button>
  );
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-700">
      {messages?.[0]}
    </p>
  );
}

/** The form's answer, read out as it arrives, and the button. */
function FormFooter({ message }: { message?: string }) {
  return (
    <>
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-red-700">
        {message}
      </div>
      <SubmitButton />
    </>
  );
}

const inputClass = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm";

/** The second step, for members with two-factor: the password was right, now the code. */
function CodeStep({
  state,
  action,
  callbackUrl,
}: {
  state: LoginState;
  action: (data: FormData) => void;
  callbackUrl: string;
}) {
  const t = useTranslations("auth.login");
  return (
    <form action={action} className="space-y-4" noValidate aria-label={t("codeFormLabel")}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="pending" value={state.pending} />
      <p className="text-sm text-slate-700">{t("codeIntro", { email: state.email ?? "" })}</p>
      <div className="space-y-1">
        <label htmlFor="code" className="block text-sm font-medium text-slate-700">
          {t("code")}
        </label>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          required
          aria-invalid={Boolean(state.fieldErrors?.code)}
          aria-describedby="code-error"
          className={inputClass}
        />
        <FieldError id="code-error" messages={state.fieldErrors?.code} />
      </div>
      <FormFooter message={state.message} />
    </form>
  );
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.login");
  const [state, action] = useActionState<LoginState, FormData>(login, {});
  if (state.pending) return <CodeStep state={state} action={action} callbackUrl={callbackUrl} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={Boolean(state.fieldErrors?.email)}
          aria-describedby="email-error"
          className={inputClass}
        />
        <FieldError id="email-error" messages={state.fieldErrors?.email} />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(state.fieldErrors?.password)}
          aria-describedby="password-error"
          className={inputClass}
        />
        <FieldError id="password-error" messages={state.fieldErrors?.password} />
      </div>
      <FormFooter message={state.message} />
    </form>
  );
}
