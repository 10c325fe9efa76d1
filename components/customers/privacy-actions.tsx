"use client";

import { useTranslations } from "next-intl";
import { fieldErrors, FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { eraseCustomerAction } from "@/server/customers/actions";

/** An admin's answer to a data subject's request: everything as JSON, or erasure. */
export function PrivacyActions({ customerId, name }: { customerId: number; name: string }) {
  const t = useTranslations("customers.privacy");
  const erase = useActionForm(eraseCustomerAction, { confirm: t("eraseConfirm", { name }) });
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="text-sm text-slate-700">
        <p className="mb-2">{t("exportIntro")}</p>
        <a href={`/customers/${customerId}/export`} download className="font-medium text-brand-700 underline">
          {t("export")}
        </a>
      </div>
      <form onSubmit={erase.onSubmit} aria-label={t("eraseForm")} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="customerId" value={customerId} />
        <div className="min-w-48 flex-1">
          <TextField
            name="confirmName"
            id="erase-confirm-name"
            label={t("confirmName", { name })}
            autoComplete="off"
            errors={fieldErrors(erase.state).confirmName}
          />
        </div>
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="danger" pending={erase.pending} pendingText={t("erasing")}>
            {t("erase")}
          </SubmitButton>
          <FormMessage state={erase.state} />
        </div>
      </form>
    </div>
  );
}
