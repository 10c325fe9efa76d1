"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { SUBSCRIPTION_INTERVALS, type SubscriptionInterval } from "@/lib/revenue";
import {
  addSubscriptionAction,
  changeSubscriptionAction,
  endSubscriptionAction,
  reactivateSubscriptionAction,
} from "@/server/revenue/actions";

const today = () => new Date().toISOString().slice(0, 10);

/** The price field's label names the book's currency by its symbol: "Price ($)", "Preis (€)". */
function usePriceLabel(): string {
  const t = useTranslations("customers.subscriptions");
  const f = useFormat();
  return t("price", { currency: f.currencySymbol });
}

function IntervalField({ id, value, errors }: { id: string; value?: SubscriptionInterval; errors?: string[] }) {
  const t = useTranslations("customers.subscriptions");
  const intervals = useTranslations("customers.revenue.intervals");
  return (
    <SelectField name="interval" id={id} label={t("billed")} defaultValue={value ?? "month"} errors={errors}>
      {SUBSCRIPTION_INTERVALS.map((interval) => (
        <option key={interval} value={interval}>
          {intervals(interval)}
        </option>
      ))}
    </SelectField>
  );
}

/** A new subscription: what it is, its price, and the day it started (booked as new revenue or an expansion). */
export function AddSubscriptionForm({ customerId, plan }: { customerId: number; plan: string }) {
  const t = useTranslations("customers.subscriptions");
  const priceLabel = usePriceLabel();
  const add = useActionForm(addSubscriptionAction, { onSuccess: (form) => form.reset() });
  const errors = fieldErrors(add.state);
  return (
    <form onSubmit={add.onSubmit} aria-label={t("addForm")} className="grid gap-x-3 sm:grid-cols-3">
      <input type="hidden" name="customerId" value={customerId} />
      <TextField
        name="plan"
        id="new-subscription-plan"
        label={t("plan")}
        defaultValue={plan}
        maxLength={60}
        errors={errors.plan}
      />
      <TextField
        name="amount"
        id="new-subscription-amount"
        label={priceLabel}
        inputMode="decimal"
        placeholder="99.50"
        errors={errors.amount}
      />
      <IntervalField id="new-subscription-interval" errors={errors.interval} />
      <TextField
        name="startedOn"
        id="new-subscription-start"
        label={t("startedOn")}
        type="date"
        max={today()}
        defaultValue={today()}
        errors={errors.startedOn}
      />
      <TextField
        name="renewsOn"
        id="new-subscription-renews"
        label={t("renewsOnOptional")}
        type="date"
        hint={t("renewsHint")}
        errors={errors.renewsOn}
      />
      <div className="mb-5 flex items-end gap-2">
        <SubmitButton variant="secondary" pending={add.pending} pendingText={t("adding")}>
          {t("add")}
        </SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={add.state} />
      </div>
    </form>
  );
}

type SubscriptionProps = {
  id: number;
  plan: string;
  amount: string;
  interval: SubscriptionInterval;
  renewsOn: string | null;
  cancelAtPeriodEnd: boolean;
  active: boolean;
};

/** Change, end or start again one subscription; each is dated, because revenue moves on a day. */
export function SubscriptionActions(subscription: SubscriptionProps) {
  const t = useTranslations("customers.subscriptions");
  const priceLabel = usePriceLabel();
  const change = useActionForm(changeSubscriptionAction);
  const end = useActionForm(endSubscriptionAction, { confirm: t("endConfirm", { plan: subscription.plan }) });
  const reactivate = useActionForm(reactivateSubscriptionAction);
  const key = `subscription-${subscription.id}`;
  if (!subscription.active)
    return (
      <form
        onSubmit={reactivate.onSubmit}
        aria-label={t("restartForm", { plan: subscription.plan })}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="subscriptionId" value={subscription.id} />
        <TextField
          name="startedOn"
          id={`${key}-restart`}
          label={t("startedAgainOn")}
          type="date"
          max={today()}
          defaultValue={today()}
          errors={fieldErrors(reactivate.state).startedOn}
        />
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="secondary" pending={reactivate.pending} pendingText={t("saving")}>
            {t("startAgain")}
          </SubmitButton>
          <FormMessage state={reactivate.state} />
        </div>
      </form>
    );
  const errors = fieldErrors(change.state);
  return (
    <div className="grid gap-3">
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("change")}</summary>
        <form
          onSubmit={change.onSubmit}
          aria-label={t("changeForm", { plan: subscription.plan })}
          className="mt-3 grid gap-x-3 sm:grid-cols-3"
        >
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          <TextField
            name="plan"
            id={`${key}-plan`}
            label={t("plan")}
            defaultValue={subscription.plan}
            maxLength={60}
            errors={errors.plan}
          />
          <TextField
            name="amount"
            id={`${key}-amount`}
            label={priceLabel}
            inputMode="decimal"
            defaultValue={subscription.amount}
            errors={errors.amount}
          />
          <IntervalField id={`${key}-interval`} value={subscription.interval} errors={errors.interval} />
          <TextField
            name="effectiveOn"
            id={`${key}-effective`}
            label={t("takesEffectOn")}
            type="date"
            max={today()}
            defaultValue={today()}
            errors={errors.effectiveOn}
          />
          <TextField
            name="renewsOn"
            id={`${key}-renews`}
            label={t("renewsOn")}
            type="date"
            defaultValue={subscription.renewsOn ?? ""}
            errors={errors.renewsOn}
          />
          <label className="mb-5 flex items-center gap-2 self-end text-sm">
            <input type="checkbox" name="cancelAtPeriodEnd" defaultChecked={subscription.cancelAtPeriodEnd} />
            {t("willNotRenew")}
          </label>
          <div className="flex items-center gap-2 sm:col-span-3">
            <SubmitButton variant="secondary" pending={change.pending} pendingText={t("saving")}>
              {t("saveChange")}
            </SubmitButton>
            <FormMessage state={change.state} />
          </div>
        </form>
      </details>
      <form
        onSubmit={end.onSubmit}
        aria-label={t("endForm", { plan: subscription.plan })}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="subscriptionId" value={subscription.id} />
        <TextField
          name="endedOn"
          id={`${key}-ended`}
          label={t("endedOn")}
          type="date"
          max={today()}
          defaultValue={today()}
          errors={fieldErrors(end.state).endedOn}
        />
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="danger" pending={end.pending} pendingText={t("saving")}>
            {t("end")}
          </SubmitButton>
          <FormMessage state={end.state} />
        </div>
      </form>
    </div>
  );
}
