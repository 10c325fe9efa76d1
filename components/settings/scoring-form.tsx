"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { previewScoringAction, shadowScoringAction, updateScoringAction } from "@/server/settings/actions";
import { useFormat } from "@/components/i18n/use-format";
import { buttonClass } from "@/components/ui/button";
import { fieldErrors, FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { interactionTypeLabel } from "@/lib/i18n/labels";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import type { Settings } from "@/lib/settings";

type Props = Pick<Settings, "ledger" | "risk" | "delight" | "advocacy"> & {
  types: InteractionTypeOption[];
  /** The live version's outcome proxies: types the backtest leaves out by default. */
  proxyTypes: string[];
  editable: boolean;
};

export function ScoringForm({ ledger, risk, delight, advocacy, types, proxyTypes, editable }: Props) {
  const t = useTranslations("settings");
  const tl = useTranslations("labels");
  const f = useFormat();
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
    <form ref={form} onSubmit={onSubmit} aria-label={t("scoring.form.label")} className="space-y-6" noValidate>
      {editable ? null : (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700" data-testid="read-only-note">
          {t("scoring.form.readOnly")}
        </p>
      )}
      <fieldset className="grid gap-x-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("scoring.form.ledger")}</legend>
        {number(
          "creditHalfLifeDays",
          t("scoring.form.creditHalfLifeDays"),
          ledger.creditHalfLifeDays,
          t("scoring.form.creditHalfLifeHint"),
        )}
        {number(
          "debtHalfLifeDays",
          t("scoring.form.debtHalfLifeDays"),
          ledger.debtHalfLifeDays,
          t("scoring.form.debtHalfLifeHint"),
        )}
      </fieldset>
      <fieldset className="grid gap-x-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("scoring.form.risk")}</legend>
        {number("silenceDays", t("scoring.form.silenceDays"), risk.silenceDays)}
        {number("fatigueContacts", t("scoring.form.fatigueContacts"), risk.fatigueContacts)}
        {number("fatigueWindowDays", t("scoring.form.fatigueWindowDays"), risk.fatigueWindowDays)}
        {number("debtWeight", t("scoring.form.debtWeight"), risk.debtWeight)}
        {number("trendWeight", t("scoring.form.trendWeight"), risk.trendWeight)}
        {number("silenceWeight", t("scoring.form.silenceWeight"), risk.silenceWeight)}
        {number("fatigueWeight", t("scoring.form.fatigueWeight"), risk.fatigueWeight)}
        {number("atRiskScore", t("scoring.form.atRiskScore"), risk.atRiskScore)}
        {number(
          "executiveMrr",
          t("scoring.form.executiveMrr", { currency: f.currencySymbol }),
          risk.executiveMrrCents / 100,
        )}
      </fieldset>
      <fieldset className="grid gap-x-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("scoring.form.delightAdvocacy")}</legend>
        {number("queueDays", t("scoring.form.queueDays"), delight.queueDays)}
        {number("askCapacity", t("scoring.form.askCapacity"), advocacy.askCapacity)}
        {number("candidateBalance", t("scoring.form.candidateBalance"), advocacy.candidateBalance)}
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("scoring.form.weights")}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {types.map((type) => number(`weight.${type.key}`, interactionTypeLabel(tl, type), type.weight))}
        </div>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("scoring.form.proxies")}</legend>
        <p className="mb-3 max-w-prose text-sm text-slate-600">{t("scoring.form.proxiesIntro")}</p>
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
              {interactionTypeLabel(tl, type)}
            </label>
          ))}
        </div>
      </fieldset>
      {editable ? (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={pending} pendingText={t("scoring.form.recomputing")}>
              {t("scoring.form.save")}
            </SubmitButton>
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={preview.pending}
              onClick={() => form.current && preview.submit(form.current)}
            >
              {preview.pending ? t("scoring.form.previewing") : t("scoring.form.preview")}
            </button>
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={shadow.pending}
              onClick={() => form.current && shadow.submit(form.current)}
            >
              {shadow.pending ? t("scoring.form.shadowing") : t("scoring.form.shadow")}
            </button>
            <FormMessage state={state} />
            <FormMessage state={shadow.state} />
          </div>
          <section aria-label={t("scoring.form.draftBacktest")} className="max-w-prose">
            <FormMessage state={preview.state} />
          </section>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("scoring.form.adminsOnly")}</p>
      )}
    </form>
  );
}
