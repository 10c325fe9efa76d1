"use client";

import { updateScoringAction } from "@/server/settings/actions";
import { fieldErrors, FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import type { Settings } from "@/lib/settings";

type Props = Pick<Settings, "ledger" | "risk" | "delight" | "advocacy"> & {
  types: InteractionTypeOption[];
  editable: boolean;
};

export function ScoringForm({ ledger, risk, delight, advocacy, types, editable }: Props) {
  const { state, pending, onSubmit } = useActionForm(updateScoringAction);
  const errors = fieldErrors(state);
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
    <form onSubmit={onSubmit} aria-label="Scoring" className="space-y-6" noValidate>
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
      {editable ? (
        <div className="flex items-center gap-3">
          <SubmitButton pending={pending} pendingText="Recomputing every balance…">
            Save and recompute
          </SubmitButton>
          <FormMessage state={state} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">Only admins change scoring.</p>
      )}
    </form>
  );
}
