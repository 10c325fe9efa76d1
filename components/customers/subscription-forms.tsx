"use client";

import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { INTERVAL_LABELS, SUBSCRIPTION_INTERVALS, type SubscriptionInterval } from "@/lib/revenue";
import {
  addSubscriptionAction,
  changeSubscriptionAction,
  endSubscriptionAction,
  reactivateSubscriptionAction,
} from "@/server/revenue/actions";

const today = () => new Date().toISOString().slice(0, 10);

function IntervalField({ id, value, errors }: { id: string; value?: SubscriptionInterval; errors?: string[] }) {
  return (
    <SelectField name="interval" id={id} label="Billed" defaultValue={value ?? "month"} errors={errors}>
      {SUBSCRIPTION_INTERVALS.map((interval) => (
        <option key={interval} value={interval}>
          {INTERVAL_LABELS[interval]}
        </option>
      ))}
    </SelectField>
  );
}

/** A new subscription: what it is, its price, and the day it started (booked as new revenue or an expansion). */
export function AddSubscriptionForm({ customerId, plan }: { customerId: number; plan: string }) {
  const add = useActionForm(addSubscriptionAction, { onSuccess: (form) => form.reset() });
  const errors = fieldErrors(add.state);
  return (
    <form onSubmit={add.onSubmit} aria-label="Add a subscription" className="grid gap-x-3 sm:grid-cols-3">
      <input type="hidden" name="customerId" value={customerId} />
      <TextField
        name="plan"
        id="new-subscription-plan"
        label="Plan"
        defaultValue={plan}
        maxLength={60}
        errors={errors.plan}
      />
      <TextField
        name="amount"
        id="new-subscription-amount"
        label="Price ($)"
        inputMode="decimal"
        placeholder="99.50"
        errors={errors.amount}
      />
      <IntervalField id="new-subscription-interval" errors={errors.interval} />
      <TextField
        name="startedOn"
        id="new-subscription-start"
        label="Started on"
        type="date"
        max={today()}
        defaultValue={today()}
        errors={errors.startedOn}
      />
      <TextField
        name="renewsOn"
        id="new-subscription-renews"
        label="Renews on (optional)"
        type="date"
        hint="Left empty: a month after the start."
        errors={errors.renewsOn}
      />
      <div className="mb-5 flex items-end gap-2">
        <SubmitButton variant="secondary" pending={add.pending} pendingText="Adding…">
          Add subscription
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
  const change = useActionForm(changeSubscriptionAction);
  const end = useActionForm(endSubscriptionAction, {
    confirm: `End ${subscription.plan}? Its revenue leaves the customer's ARR on the day you chose; you can start it again later.`,
  });
  const reactivate = useActionForm(reactivateSubscriptionAction);
  const key = `subscription-${subscription.id}`;
  if (!subscription.active)
    return (
      <form
        onSubmit={reactivate.onSubmit}
        aria-label={`Start ${subscription.plan} again`}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="subscriptionId" value={subscription.id} />
        <TextField
          name="startedOn"
          id={`${key}-restart`}
          label="Started again on"
          type="date"
          max={today()}
          defaultValue={today()}
          errors={fieldErrors(reactivate.state).startedOn}
        />
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="secondary" pending={reactivate.pending} pendingText="Saving…">
            Start again
          </SubmitButton>
          <FormMessage state={reactivate.state} />
        </div>
      </form>
    );
  const errors = fieldErrors(change.state);
  return (
    <div className="grid gap-3">
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Change price or plan</summary>
        <form
          onSubmit={change.onSubmit}
          aria-label={`Change ${subscription.plan}`}
          className="mt-3 grid gap-x-3 sm:grid-cols-3"
        >
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          <TextField
            name="plan"
            id={`${key}-plan`}
            label="Plan"
            defaultValue={subscription.plan}
            maxLength={60}
            errors={errors.plan}
          />
          <TextField
            name="amount"
            id={`${key}-amount`}
            label="Price ($)"
            inputMode="decimal"
            defaultValue={subscription.amount}
            errors={errors.amount}
          />
          <IntervalField id={`${key}-interval`} value={subscription.interval} errors={errors.interval} />
          <TextField
            name="effectiveOn"
            id={`${key}-effective`}
            label="Takes effect on"
            type="date"
            max={today()}
            defaultValue={today()}
            errors={errors.effectiveOn}
          />
          <TextField
            name="renewsOn"
            id={`${key}-renews`}
            label="Renews on"
            type="date"
            defaultValue={subscription.renewsOn ?? ""}
            errors={errors.renewsOn}
          />
          <label className="mb-5 flex items-center gap-2 self-end text-sm">
            <input type="checkbox" name="cancelAtPeriodEnd" defaultChecked={subscription.cancelAtPeriodEnd} />
            Will not renew
          </label>
          <div className="flex items-center gap-2 sm:col-span-3">
            <SubmitButton variant="secondary" pending={change.pending} pendingText="Saving…">
              Save change
            </SubmitButton>
            <FormMessage state={change.state} />
          </div>
        </form>
      </details>
      <form onSubmit={end.onSubmit} aria-label={`End ${subscription.plan}`} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="subscriptionId" value={subscription.id} />
        <TextField
          name="endedOn"
          id={`${key}-ended`}
          label="Ended on"
          type="date"
          max={today()}
          defaultValue={today()}
          errors={fieldErrors(end.state).endedOn}
        />
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="danger" pending={end.pending} pendingText="Saving…">
            End subscription
          </SubmitButton>
          <FormMessage state={end.state} />
        </div>
      </form>
    </div>
  );
}
