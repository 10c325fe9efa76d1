"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { useFormat } from "@/components/i18n/use-format";
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
  const t = useTranslations("settings");
  const f = useFormat();
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
    <Card title={t("shadow.title", { number, until })} className="mb-6">
      <p className="text-sm text-slate-700" data-testid="shadow-summary">
        {t("shadow.summary", { atRisk, liveAtRisk: f.number(liveAtRisk) })}
      </p>
      {editable ? (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <form onSubmit={promote.onSubmit} aria-label={t("shadow.promoteLabel")}>
            <button type="submit" className={buttonClass("primary")} disabled={promote.pending}>
              {promote.pending ? t("shadow.recomputing") : t("shadow.promote", { number })}
            </button>
          </form>
          <form onSubmit={end.onSubmit} aria-label={t("shadow.end")}>
            <button type="submit" className={buttonClass("secondary")} disabled={end.pending}>
              {t("shadow.end")}
            </button>
          </form>
          <FormMessage state={promote.state ?? end.state} />
        </div>
      ) : null}
    </Card>
  );
}
