"use client";

import { useTranslations } from "next-intl";
import { fittedEffects, scorerName } from "@/components/backtest/backtest-words";
import { useFormat } from "@/components/i18n/use-format";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ScoringConfig } from "@/lib/scoring-version";
import { fitScoringAction, saveFittedScoringAction } from "@/server/settings/actions";
import { ScrollRegion } from "@/components/ui/scroll-region";

type FitData = {
  liveVersion: number;
  /** The fitted version: its coefficients are put into words here, in the reader's language. */
  config: ScoringConfig;
  effects: string[];
  changes: string;
  outOfTime: { key: string; label: string; auc: number | null; lift: number | null }[];
};

/**
 * Fits the score's weights and half-lives to the book's history and shows, out of time, how the
 * fit ranks churners against the live version and the baselines; an admin may then save it.
 */
export function FitScoringCard() {
  const t = useTranslations("settings");
  const tb = useTranslations("backtest");
  const f = useFormat();
  const fit = useActionForm(fitScoringAction);
  const save = useActionForm(saveFittedScoringAction);
  const data = fit.state?.ok ? (fit.state.data as FitData) : null;
  return (
    <Card title={t("fit.title")} className="mt-6">
      <p className="mb-3 max-w-prose text-sm text-slate-600">{t("fit.intro")}</p>
      <form onSubmit={fit.onSubmit} aria-label={t("fit.formLabel")} className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("secondary")} disabled={fit.pending}>
          {fit.pending ? t("fit.fitting") : t("fit.fit")}
        </button>
        <FormMessage state={fit.state} />
      </form>
      {data ? (
        <div className="mt-4 space-y-3 text-sm text-slate-700" data-testid="fit-proposal">
          <ScrollRegion label={t("fit.outOfTime")}>
            <table className="text-left" aria-label={t("fit.outOfTime")}>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="pr-6 py-1">
                    {t("fit.columns.score")}
                  </th>
                  <th scope="col" className="pr-6 text-right">
                    {t("fit.columns.auc")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("fit.columns.lift")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.outOfTime.map((s) => (
                  <tr key={s.key} className={s.key === "fitted" ? "font-semibold" : ""}>
                    <th scope="row" className="pr-6 py-0.5 font-normal">
                      {s.key === "fitted"
                        ? t("fit.fittedProposed")
                        : s.key === "version"
                          ? t("fit.live", { name: scorerName(tb, s, data.liveVersion) })
                          : scorerName(tb, s, data.liveVersion)}
                    </th>
                    <td className="pr-6 text-right tabular-nums">{f.decimal(s.auc, 3)}</td>
                    <td className="text-right tabular-nums">{f.times(s.lift)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <ul className="list-disc space-y-1 pl-5" aria-label={t("fit.learned")}>
            {fittedEffects(tb, f, data.config).map((effect) => (
              <li key={effect}>{effect}</li>
            ))}
          </ul>
          <p>
            <span className="font-medium">{t("fit.against", { number: data.liveVersion })}</span> {data.changes}
          </p>
          <form onSubmit={save.onSubmit} aria-label={t("fit.saveLabel")} className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={save.pending} pendingText={t("fit.saving")}>
              {t("fit.save")}
            </SubmitButton>
            <FormMessage state={save.state} />
          </form>
        </div>
      ) : null}
    </Card>
  );
}
