"use client";

import { useRef } from "react";
import { previewScoringAction, shadowScoringAction, updateScoringAction } from "@/server/settings/actions";
import { buttonClass } from "@/components/ui/button";
import { fieldErrors, FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import type { Settings } from "@/lib/settings";

type Props = Pick<Settings, "ledger" | "risk" | "delight" | "advocacy"> & {
  types: InteractionTypeOption[];
  /** The live version's outcome proxies: types the backtest leaves out by default. */
  proxyTypes: string[];
  editable: boolean;
};

export function ScoringForm({ ledger, risk, delight, advocacy, types, proxyTypes, editable }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit } = useActionForm(updateScoringAction);
  const preview = useActionForm(previewScoringAction);
  const shadow = useActionForm(shadowScoringAction);
  // The preview and the shadow validate the same fields: their messages show until the next save.
  const errors = fieldErrors(state ?? preview.state ?? shadow.state);
  const number = (name: string, label: string, value: number, hint?: string) => (
    <TextField
      name={name}
      label={label}
      defaultValue={String(value)}
      inputMode="decimal"
      errors={errors[name]}
      hint={hint}
      disabled={!editable}
    />
  );
  return (
    <form ref={form} onSubmit={onSubmit} aria-label="Scoring" className="space-y-6" noValidate>
      {editable ? null : (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700" data-testid="read-only-note">
          You can read the scoring settings; only an admin can change them.
        </p>
      )}
      <fieldset className="grid gap-x-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">Ledger</legend>
        {number(
          "creditHalfLifeDays",
          "Credit half-life (days)",
          ledger.creditHalfLifeDays,
          "How fast good experiences fade. At least 7.",
        )}
        {number(
          "debtHalfLifeDays",
          "Debt half-life (days)",
          ledger.debtHalfLifeDays,
          "How long bad experiences linger. At least 7.",
        )}
      </fieldset>
      <fieldset className="grid gap-x-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">Silence, fatigue and risk</legend>
        {number("silenceDays", "Silent after (days)", risk.silenceDays)}
        {number("fatigueContacts", "Fatigued after (unanswered contacts)", risk.fatigueContacts)}
        {number("fatigueWindowDays", "…within (days)", risk.fatigueWindowDays)}
        {number("debtWeight", "Weight of debt", risk.debtWeight)}
        {number("trendWeight", "Weight of the 30-day fall", risk.trendWeight)}
        {number("silenceWeight", "Weight of silence", risk.silenceWeight)}
        {number("fatigueWeight", "Weight of fatigue", risk.fatigueWeight)}
        {number("atRiskScore", "At risk from a score of", risk.atRiskScore)}
        {number("executiveMrr", "Executive call from MRR ($)", risk.executiveMrrCents / 100)}
      </fieldset>
      <fieldset className="grid gap-x-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">Delight and advocacy</legend>
        {number("queueDays", "Delight queue: debits of the last (days)", delight.queueDays)}
        {number("askCapacity", "Asks per advocate per quarter", advocacy.askCapacity)}
        {number("candidateBalance", "Candidates from a balance of", advocacy.candidateBalance)}
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-700">
          Interaction weights (credit &gt; 0, debit &lt; 0, neutral 0)
        </legend>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {types.map((type) => number(`weight.${type.key}`, type.label, type.weight))}
        </div>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-700">Outcome proxies</legend>
        <p className="mb-3 max-w-prose text-sm text-slate-600">
          Types that are the churn itself rather than a warning of it. The backtest leaves them out by default, so the
          score is judged on what comes before; the live score still counts them.
        </p>
        <input type="hidden" name="proxiesShown" value="1" />
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {types.map((type) => (
            <label key={type.key} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name={`proxy.${type.key}`}
                defaultChecked={proxyTypes.includes(type.key)}
                disabled={!editable}
              />
              {type.label}
            </label>
          ))}
        </div>
      </fieldset>
      {editable ? (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={pending} pendingText="Recomputing every balance…">
              Save and recompute
            </SubmitButton>
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={preview.pending}
              onClick={() => form.current && preview.submit(form.current)}
            >
              {preview.pending ? "Backtesting the draft…" : "Preview backtest"}
            </button>
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={shadow.pending}
              onClick={() => form.current && shadow.submit(form.current)}
            >
              {shadow.pending ? "Scoring every customer in shadow…" : "Run in shadow for 30 days"}
            </button>
            <FormMessage state={state} />
            <FormMessage state={shadow.state} />
          </div>
          <section aria-label="Draft backtest" className="max-w-prose">
            <FormMessage state={preview.state} />
          </section>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Only admins change scoring.</p>
      )}
    </form>
  );
}
