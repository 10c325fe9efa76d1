"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { useFormat } from "@/components/i18n/use-format";
import { createCustomerAction, updateCustomerAction } from "@/server/customers/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { PLAN_LABELS, PLANS } from "@/lib/plans";

type Owner = { id: number; name: string };
type Values = { id?: number; name: string; email: string; company: string; plan: string; mrr: string; ownerId: string };

export function CustomerForm({ owners, initial }: { owners: Owner[]; initial?: Values }) {
  const t = useTranslations("customers.form");
  const f = useFormat();
  const editing = initial?.id !== undefined;
  const { state, pending, onSubmit } = useActionForm(editing ? updateCustomerAction : createCustomerAction);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl gap-x-6 sm:grid-cols-2" noValidate>
      {editing ? <input type="hidden" name="customerId" value={initial?.id} /> : null}
      <TextField
        name="name"
        label={t("name")}
        required
        maxLength={120}
        defaultValue={initial?.name}
        errors={errors.name}
        autoFocus
      />
      <TextField name="email" label={t("email")} type="email" defaultValue={initial?.email} errors={errors.email} />
      <TextField name="company" label={t("company")} defaultValue={initial?.company} errors={errors.company} />
      <SelectField name="plan" label={t("plan")} defaultValue={initial?.plan ?? "starter"} errors={errors.plan}>
        {PLANS.map((plan) => (
          <option key={plan} value={plan}>
            {PLAN_LABELS[plan]}
          </option>
        ))}
      </SelectField>
      <TextField
        name="mrr"
        label={t("mrr", { currency: f.currency })}
        inputMode="decimal"
        placeholder="0"
        defaultValue={initial?.mrr}
        errors={errors.mrr}
      />
      <SelectField name="ownerId" label={t("owner")} defaultValue={initial?.ownerId ?? ""} errors={errors.ownerId}>
        <option value="">{t("noOwner")}</option>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending} pendingText={t("saving")}>
          {editing ? t("save") : t("add")}
        </SubmitButton>
        <Link
          href={editing ? `/customers/${initial?.id}` : "/customers"}
          className="text-sm font-medium text-slate-700 underline"
        >
          {t("cancel")}
        </Link>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
