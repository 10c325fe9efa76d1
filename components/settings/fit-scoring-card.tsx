"use client";

import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatDecimal, formatTimes } from "@/lib/format";
import { fitScoringAction, saveFittedScoringAction } from "@/server/settings/actions";
import { ScrollRegion } from "@/components/ui/scroll-region";

type FitData = {
  liveVersion: number;
  effects: string[];
  changes: string;
  outOfTime: { key: string; label: string; auc: number | null; lift: number | null }[];
};

/**
 * Fits the score's weights and half-lives to the book's history and shows, out of time, how the
 * fit ranks churners against the live version and the baselines; an admin may then save it.
 */
export function FitScoringCard() {
  const fit = useActionForm(fitScoringAction);
  const save = useActionForm(saveFittedScoringAction);
  const data = fit.state?.ok ? (fit.state.data as FitData) : null;
  return (
    <Card title="Fit the score to this book's history" className="mt-6">
      <p className="mb-3 max-w-prose text-sm text-slate-600">
        Learns the weights of debt, the 30-day fall, silence and fatigue, and the half-lives, from who churned within 90
        days of each earlier monthly cutoff (outcome proxies left out), then judges them on the last three cutoffs it
        never saw. Nothing changes until you save it as a version.
      </p>
      <form onSubmit={fit.onSubmit} aria-label="Fit the score" className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("secondary")} disabled={fit.pending}>
          {fit.pending ? "Fitting to the book's history…" : "Fit weights"}
        </button>
        <FormMessage state={fit.state} />
      </form>
      {data ? (
        <div className="mt-4 space-y-3 text-sm text-slate-700" data-testid="fit-proposal">
          <ScrollRegion label="Out of time: the last three cutoffs">
            <table className="text-left" aria-label="Out of time: the last three cutoffs">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="pr-6 py-1">
                    Score, on cutoffs it never saw
                  </th>
                  <th scope="col" className="pr-6 text-right">
                    ROC AUC
                  </th>
                  <th scope="col" className="text-right">
                    Top-10% lift
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.outOfTime.map((s) => (
                  <tr key={s.key} className={s.key === "fitted" ? "font-semibold" : ""}>
                    <th scope="row" className="pr-6 py-0.5 font-normal">
                      {s.key === "fitted" ? "Fitted (proposed)" : s.key === "version" ? `${s.label} (live)` : s.label}
                    </th>
                    <td className="pr-6 text-right tabular-nums">{formatDecimal(s.auc, 3)}</td>
                    <td className="text-right tabular-nums">{formatTimes(s.lift)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <ul className="list-disc space-y-1 pl-5" aria-label="What the fit learned">
            {data.effects.map((effect) => (
              <li key={effect}>{effect}</li>
            ))}
          </ul>
          <p>
            <span className="font-medium">Against version {data.liveVersion}:</span> {data.changes}
          </p>
          <form onSubmit={save.onSubmit} aria-label="Save the fit" className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={save.pending} pendingText="Saving and recomputing every balance…">
              Save as the next version
            </SubmitButton>
            <FormMessage state={save.state} />
          </form>
        </div>
      ) : null}
    </Card>
  );
}
