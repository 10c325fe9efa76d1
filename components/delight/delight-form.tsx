"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { logDelightMomentAction } from "@/server/delight/actions";
import { withOccurredAt } from "@/components/timeline/interaction-fields";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { CHANNELS } from "@/lib/channels";

type Debit = { id: number; text: string; channel: string };

type Props = {
  customerId: number;
  customerName: string;
  /** The debit this moment answers, when the form was opened from the queue. */
  prompt?: Debit;
  /** Opened from the customer's page: the customer's open debits, one of which it may answer. */
  openDebits?: (Debit & { label: string })[];
  defaultWeight: number;
  /** Where to go after saving or cancelling (the queue with its search, or the customer's page). */
  returnTo: string;
};

export function DelightForm({ customerId, customerName, prompt, openDebits = [], defaultWeight, returnTo }: Props) {
  const t = useTranslations("delight.form");
  const tl = useTranslations("labels");
  const f = useFormat();
  const { state, pending, onSubmit } = useActionForm(logDelightMomentAction, { prepare: withOccurredAt });
  const errors = fieldErrors(state);
  const [answering, setAnswering] = useState<Debit | undefined>(prompt);
  const [promptText, setPromptText] = useState(prompt?.text ?? "");
  return (
    <form
      onSubmit={onSubmit}
      aria-label={t("aria")}
      className="max-w-2xl space-y-1 rounded-lg border border-slate-200 bg-white p-5"
      noValidate
    >
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {prompt ? <input type="hidden" name="promptInteractionId" value={prompt.id} /> : null}
      {!prompt && openDebits.length > 0 ? (
        <SelectField
          name="promptInteractionId"
          id="answers"
          label={t("answers")}
          hint={t("answersHint")}
          defaultValue=""
          onChange={(event) => {
            const chosen = openDebits.find((debit) => String(debit.id) === event.target.value);
            setAnswering(chosen);
            if (chosen) setPromptText(chosen.text);
          }}
          errors={errors.promptInteractionId}
        >
          <option value="">{t("noDebit")}</option>
          {openDebits.map((debit) => (
            <option key={debit.id} value={debit.id}>
              {debit.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      <p className="mb-3 text-sm text-slate-600">
        {t.rich("forCustomer", { name: customerName, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <TextAreaField
        name="prompt"
        label={t("prompt")}
        rows={2}
        value={promptText}
        onChange={(event) => setPromptText(event.target.value)}
        errors={errors.prompt ?? (openDebits.length > 0 && !prompt ? undefined : errors.promptInteractionId)}
      />
      <TextAreaField
        name="gesture"
        label={t("gesture")}
        rows={2}
        placeholder={t("gesturePlaceholder")}
        errors={errors.gesture}
      />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <SelectField
          key={answering?.id ?? "none"}
          name="channel"
          label={t("channel")}
          defaultValue={
            answering && (CHANNELS as readonly string[]).includes(answering.channel) ? answering.channel : "email"
          }
          errors={errors.channel}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {tl(`channels.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="cost"
          label={t("cost", { currency: f.currency })}
          inputMode="decimal"
          placeholder={f.number(0)}
          errors={errors.cost}
        />
        <TextField
          name="weight"
          label={t("credit")}
          inputMode="decimal"
          placeholder={t("creditPlaceholder", { weight: f.weight(defaultWeight) })}
          errors={errors.weight}
        />
      </div>
      <TextField
        name="occurredAtLocal"
        label={t("when")}
        type="datetime-local"
        hint={t("whenHint")}
        errors={errors.occurredAt}
      />
      <TextAreaField
        name="outcome"
        label={t("outcome")}
        rows={2}
        placeholder={t("outcomePlaceholder")}
        errors={errors.outcome}
      />
      <fieldset className="mb-4 flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("followUps")}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="postedPublicly" /> {t("postedPublicly")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="renewed" /> {t("renewed")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="becameAdvocate" /> {t("becameAdvocate")}
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingText={t("saving")}>
          {t("submit")}
        </SubmitButton>
        <Link href={returnTo} className="text-sm font-medium text-slate-700 underline">
          {t("cancel")}
        </Link>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
