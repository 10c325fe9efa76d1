"use client";

import { useTranslations } from "next-intl";
import { fieldErrors, FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  changePasswordAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  renewRecoveryCodesAction,
  startTwoFactorAction,
} from "@/server/account/actions";

export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const { state, pending, onSubmit } = useActionForm(changePasswordAction);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} aria-label={t("formLabel")} className="grid gap-x-4 sm:grid-cols-3" noValidate>
      <TextField
        name="current"
        id="password-current"
        label={t("current")}
        type="password"
        autoComplete="current-password"
        errors={errors.current}
      />
      <TextField
        name="next"
        id="password-next"
        label={t("next")}
        type="password"
        autoComplete="new-password"
        hint={t("nextHint")}
        errors={errors.next}
      />
      <TextField
        name="confirm"
        id="password-confirm"
        label={t("confirm")}
        type="password"
        autoComplete="new-password"
        errors={errors.confirm}
      />
      <div className="flex items-center gap-3 sm:col-span-3">
        <SubmitButton pending={pending} pendingText={t("changing")}>
          {t("change")}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("account.twoFactor");
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">{t("recoveryCodesShownOnce")}</p>
      <ul aria-label={t("recoveryCodes")} className="mt-2 grid grid-cols-2 gap-1 font-mono text-slate-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}

function PasswordConfirm({ id }: { id: string }) {
  const t = useTranslations("account.twoFactor");
  return (
    <TextField name="password" id={id} label={t("yourPassword")} type="password" autoComplete="current-password" />
  );
}

/**
 * Two-factor, off or on. One component either way, so that the recovery codes shown when it is
 * turned on stay on screen when the page refreshes to say it is on.
 */
export function TwoFactorSettings({ enabled }: { enabled: boolean }) {
  const t = useTranslations("account.twoFactor");
  const start = useActionForm(startTwoFactorAction);
  const confirm = useActionForm(confirmTwoFactorAction);
  const renew = useActionForm(renewRecoveryCodesAction);
  const disable = useActionForm(disableTwoFactorAction, { confirm: t("turnOffConfirm") });
  const setup = start.state?.ok ? (start.state.data as { secret: string; qr: string }) : null;
  const confirmedCodes = confirm.state?.ok ? (confirm.state.data as { recoveryCodes: string[] }).recoveryCodes : null;
  const renewedCodes = renew.state?.ok ? (renew.state.data as { recoveryCodes: string[] }).recoveryCodes : null;
  if (enabled)
    return (
      <div className="space-y-4">
        {confirmedCodes && !renewedCodes ? (
          <div>
            <FormMessage state={confirm.state} />
            <RecoveryCodes codes={confirmedCodes} />
          </div>
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          <form onSubmit={renew.onSubmit} aria-label={t("newRecoveryCodes")}>
            <PasswordConfirm id="renew-codes-password" />
            <div className="flex items-center gap-2">
              <SubmitButton variant="secondary" pending={renew.pending} pendingText="…">
                {t("newRecoveryCodes")}
              </SubmitButton>
              <FormMessage state={renew.state} />
            </div>
            {renewedCodes ? <RecoveryCodes codes={renewedCodes} /> : null}
          </form>
          <form onSubmit={disable.onSubmit} aria-label={t("turnOff")}>
            <PasswordConfirm id="disable-two-factor-password" />
            <div className="flex items-center gap-2">
              <SubmitButton variant="danger" pending={disable.pending} pendingText="…">
                {t("turnOff")}
              </SubmitButton>
              <FormMessage state={disable.state} />
            </div>
          </form>
        </div>
      </div>
    );
  return (
    <div className="space-y-4">
      <form onSubmit={start.onSubmit} aria-label={t("setUp")} className="flex flex-wrap items-end gap-3">
        <div className="min-w-48">
          <PasswordConfirm id="two-factor-start-password" />
        </div>
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="secondary" pending={start.pending} pendingText="…">
            {t("setUp")}
          </SubmitButton>
          <FormMessage state={start.state} />
        </div>
      </form>
      {setup ? (
        <form onSubmit={confirm.onSubmit} aria-label={t("confirmLabel")} className="space-y-2" noValidate>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
          <img src={setup.qr} alt={t("qrAlt")} width={200} height={200} />
          <p className="text-sm text-slate-700">
            {t.rich("typeKey", {
              secret: setup.secret,
              code: (chunks) => <code data-testid="totp-secret">{chunks}</code>,
            })}
          </p>
          <div className="max-w-48">
            <TextField
              name="code"
              id="two-factor-code"
              label={t("code")}
              autoComplete="one-time-code"
              inputMode="numeric"
              errors={fieldErrors(confirm.state).code}
            />
          </div>
          <div className="flex items-center gap-2">
            <SubmitButton pending={confirm.pending} pendingText={t("checking")}>
              {t("turnOn")}
            </SubmitButton>
            <FormMessage state={confirm.state} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
