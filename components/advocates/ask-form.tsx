"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { logAskAction, setAskCapacityAction } from "@/server/advocacy/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { ASK_KINDS, ASK_OUTCOMES } from "@/lib/advocacy";

/** Logs an ask; warns before one that would go over the advocate's capacity this quarter. */
export function AskForm({ customerId, used, capacity }: { customerId: number; used: number; capacity: number }) {
  const t = useTranslations("advocates.asks");
  const tl = useTranslations("labels");
  const f = useFormat();
  const ask = useActionForm(logAskAction);
  const cap = useActionForm(setAskCapacityAction);
  const errors = fieldErrors(ask.state);
  const full = used >= capacity;
  return (
    <div className="space-y-4">
      <form onSubmit={ask.onSubmit} aria-label={t("formAria")} className="space-y-1" noValidate>
        <input type="hidden" name="customerId" value={customerId} />
        <p
          className={`mb-2 text-sm ${full ? "font-medium text-amber-800" : "text-slate-600"}`}
          role={full ? "alert" : undefined}
        >
          {t("used", { used: f.number(used), capacity })}
          {full ? ` ${t("full")}` : ""}
        </p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField name="kind" id="ask-kind" label={t("kind")} defaultValue="reference_call" errors={errors.kind}>
            {ASK_KINDS.map((value) => (
              <option key={value} value={value}>
                {tl(`askKinds.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="outcome" label={t("outcome")} defaultValue="pending" errors={errors.outcome}>
            {ASK_OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {tl(`askOutcomes.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField name="note" id="ask-note" label={t("note")} maxLength={500} errors={errors.note} />
        {full ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="askAnyway" /> {t("askAnyway")}
          </label>
        ) : null}
        {errors.askAnyway ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.askAnyway[0]}
          </p>
        ) : null}
        <div className="flex items-center gap-3 pt-2">
          <SubmitButton pending={ask.pending} pendingText={t("saving")}>
            {t("submit")}
          </SubmitButton>
          <FormMessage state={ask.state} />
        </div>
      </form>
      <form
        onSubmit={cap.onSubmit}
        aria-label={t("capacityAria")}
        className="flex flex-wrap items-end gap-3"
        noValidate
      >
        <input type="hidden" name="customerId" value={customerId} />
        <div className="w-48">
          <TextField
            name="capacity"
            label={t("capacity")}
            inputMode="numeric"
            defaultValue={String(capacity)}
            errors={fieldErrors(cap.state).capacity}
          />
        </div>
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="secondary" pending={cap.pending} pendingText={t("saving")}>
            {t("setCapacity")}
          </SubmitButton>
          <FormMessage state={cap.state} />
        </div>
      </form>
    </div>
  );
}
