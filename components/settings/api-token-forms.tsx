"use client";

import { useTranslations } from "next-intl";
import { createApiTokenAction, revokeApiTokenAction } from "@/server/team/actions";
import { fieldErrors, FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

export function CreateTokenForm() {
  const t = useTranslations("settings");
  const { state, pending, onSubmit } = useActionForm(createApiTokenAction);
  const errors = fieldErrors(state);
  const token = state?.ok ? (state.data as { token: string }).token : null;
  return (
    <form onSubmit={onSubmit} aria-label={t("tokens.createLabel")} className="space-y-2" noValidate>
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-72">
          <TextField
            name="name"
            label={t("tokens.name")}
            placeholder={t("tokens.namePlaceholder")}
            errors={errors.name}
          />
        </div>
        <fieldset className="mb-5 flex gap-4 text-sm">
          <legend className="sr-only">{t("tokens.scopes")}</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="scope.read" defaultChecked /> {t("tokens.scope.read")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="scope.write" /> {t("tokens.scope.write")}
          </label>
        </fieldset>
        <div className="mb-5">
          <SubmitButton pending={pending} pendingText={t("tokens.creating")}>
            {t("tokens.create")}
          </SubmitButton>
        </div>
      </div>
      {errors.scopes ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.scopes[0]}
        </p>
      ) : null}
      <FormMessage state={state} />
      {token ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm">
          {t("tokens.newToken")}{" "}
          <code data-testid="new-token" className="select-all break-all font-mono">
            {token}
          </code>
        </p>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  const t = useTranslations("settings");
  const { state, pending, onSubmit } = useActionForm(revokeApiTokenAction, {
    confirm: t("tokens.revokeConfirm", { name }),
  });
  return (
    <form onSubmit={onSubmit} aria-label={t("tokens.revokeLabel", { name })} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton variant="danger" pending={pending} pendingText={t("tokens.revoking")}>
        {t("tokens.revoke")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
