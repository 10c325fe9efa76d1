import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { FitScoringCard } from "@/components/settings/fit-scoring-card";
import { ScoringForm } from "@/components/settings/scoring-form";
import { ShadowCard } from "@/components/settings/shadow-card";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { can, type SessionMember } from "@/lib/permissions";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { getMrrAtRisk } from "@/server/risk/queries";
import { getShadowSummary } from "@/server/scoring/shadow";
import { getLiveVersion, listVersions } from "@/server/scoring/versions";
import { getSettings } from "@/server/settings/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Half-lives, thresholds, risk weights, every interaction type's weight and the versions saved; admins change them. */
export async function ScoringEditor({ member }: { member: SessionMember }) {
  const [db, t, f] = await Promise.all([readDb(), getTranslations("settings"), getFormat()]);
  const [{ ledger, risk, delight, advocacy }, types, live, versions, shadow, liveAtRisk] = await Promise.all([
    getSettings(db, ["ledger", "risk", "delight", "advocacy"]),
    listInteractionTypes(db),
    getLiveVersion(db),
    listVersions(db),
    getShadowSummary(db),
    getMrrAtRisk(db),
  ]);
  const backtests = can(member.role, "backtest.read");
  const editable = can(member.role, "settings.manage");
  return (
    <>
      <p className="mb-4 max-w-prose text-sm text-slate-600">{t("scoring.intro", { number: live.number })}</p>
      <ShadowCard
        shadow={
          shadow
            ? {
                number: shadow.number,
                until: f.date(shadow.until),
                atRisk: shadow.atRisk,
                liveAtRisk: liveAtRisk.customers,
              }
            : null
        }
        editable={editable}
      />
      <ScoringForm
        ledger={ledger}
        risk={risk}
        delight={delight}
        advocacy={advocacy}
        types={types}
        proxyTypes={live.proxyTypes}
        editable={editable}
      />
      {editable ? <FitScoringCard /> : null}
      <Card title={t("scoring.versions.title")} className="mt-6">
        <ScrollRegion label={t("scoring.versions.title")}>
          <table className="w-full text-left text-sm" aria-label={t("scoring.versions.title")}>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1">
                  {t("scoring.versions.version")}
                </th>
                <th scope="col">{t("scoring.versions.saved")}</th>
                <th scope="col">{t("scoring.versions.changed")}</th>
                {backtests ? <th scope="col">{t("scoring.versions.backtest")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.number} className="border-t border-slate-100 align-top" data-testid="scoring-version">
                  <td className="py-1.5 pr-3 font-medium tabular-nums">
                    {t("scoring.versions.number", {
                      number: v.number,
                      live: v.number === live.number ? "yes" : "no",
                      shadow: v.number === shadow?.number ? "yes" : "no",
                      fitted: v.kind === "fitted" ? "yes" : "no",
                    })}
                  </td>
                  <td className="pr-3 whitespace-nowrap">
                    {v.createdBy
                      ? t("scoring.versions.savedBy", { date: f.date(v.createdAt), name: v.createdBy })
                      : f.date(v.createdAt)}
                  </td>
                  <td className="pr-3">{v.summary}</td>
                  {backtests ? (
                    <td>
                      <Link className="text-brand-700 underline" href={`/risk/backtest?version=${v.number}`}>
                        {t("scoring.versions.backtest")}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
    </>
  );
}
