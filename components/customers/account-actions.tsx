"use client";

import { changeOwnerAction, churnCustomerAction, reactivateCustomerAction } from "@/server/customers/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { useTranslations } from "next-intl";

type Props = {
  customerId: number;
  ownerId: number | null;
  status: "active" | "churned";
  owners: { id: number; name: string }[];
};

/** Owner, churn and reactivation: each its own small form, each audited and on the timeline. */
export function AccountActions({ customerId, ownerId, status, owners }: Props) {
  const t = useTranslations("customers.account");
  const owner = useActionForm(changeOwnerAction);
  const churn = useActionForm(churnCustomerAction, { confirm: t("churnConfirm") });
  const reactivate = useActionForm(reactivateCustomerAction);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form onSubmit={owner.onSubmit} aria-label={t("changeOwnerForm")} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="customerId" value={customerId} />
        <div className="min-w-48 flex-1">
          <SelectField
            name="ownerId"
            id="change-owner"
            label={t("owner")}
            defaultValue={ownerId ? String(ownerId) : ""}
            errors={fieldErrors(owner.state).ownerId}
          >
            <option value="">{t("noOwner")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="secondary" pending={owner.pending} pendingText={t("saving")}>
            {t("changeOwner")}
          </SubmitButton>
          <FormMessage state={owner.state} />
        </div>
      </form>
      {status === "active" ? (
        <form onSubmit={churn.onSubmit} aria-label={t("churnForm")} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="customerId" value={customerId} />
          <div className="min-w-48 flex-1">
            <TextField
              name="reason"
              id="churn-reason"
              label={t("churnReason")}
              maxLength={500}
              placeholder={t("churnPlaceholder")}
              errors={fieldErrors(churn.state).reason}
            />
          </div>
          <div className="mb-5 flex items-center gap-2">
            <SubmitButton variant="danger" pending={churn.pending} pendingText={t("saving")}>
              {t("markChurned")}
            </SubmitButton>
            <FormMessage state={churn.state} />
          </div>
        </form>
      ) : (
        <form onSubmit={reactivate.onSubmit} aria-label={t("reactivateForm")} className="flex items-end gap-3">
          <input type="hidden" name="customerId" value={customerId} />
          <div className="mb-5 flex items-center gap-2">
            <SubmitButton variant="secondary" pending={reactivate.pending} pendingText={t("saving")}>
              {t("reactivate")}
            </SubmitButton>
            <FormMessage state={reactivate.state} />
          </div>
        </form>
      )}
    </div>
  );
}
