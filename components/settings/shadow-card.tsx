"use client";

import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { endShadowScoringAction, promoteShadowScoringAction } from "@/server/settings/actions";

/** The version running in shadow, with the admin's two ways out: make it live, or end it. Always mounted, so the answer outlives the card. */
export function ShadowCard({
  shadow,
  editable,
}: {
  /** The version in shadow; null when none runs (then only the answer to the last end or promote shows). */
  shadow: { number: number; until: string; atRisk: number; liveAtRisk: number } | null;
  editable: boolean;
}) {
  const promote = useActionForm(promoteShadowScoringAction);
  const end = useActionForm(endShadowScoringAction);
  if (!shadow) {
    const answer = promote.state ?? end.state;
    return answer ? (
      <div className="mb-6">
        <FormMessage state={answer} />
      </div>
    ) : null;
  }
  const { number, until, atRisk, liveAtRisk } = shadow;
  return (
    <Card title={`Version ${number} runs in shadow until ${until}`} className="mb-6">
      <p className="text-sm text-slate-700" data-testid="shadow-summary">
        Under it, {atRisk} customers would be at risk today ({liveAtRisk} under the live version). The risk list shows
        its score beside the live one; the backtest page compares the two.
      </p>
      {editable ? (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <form onSubmit={promote.onSubmit} aria-label="Make the shadow live">
            <button type="submit" className={buttonClass("primary")} disabled={promote.pending}>
              {promote.pending ? "Recomputing every balance…" : `Make version ${number} live`}
            </button>
          </form>
          <form onSubmit={end.onSubmit} aria-label="End the shadow">
            <button type="submit" className={buttonClass("secondary")} disabled={end.pending}>
              End the shadow
            </button>
          </form>
          <FormMessage state={promote.state ?? end.state} />
        </div>
      ) : null}
    </Card>
  );
}
