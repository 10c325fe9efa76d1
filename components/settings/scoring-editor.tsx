import { Link } from "@/components/ui/link";
import { FitScoringCard } from "@/components/settings/fit-scoring-card";
import { ScoringForm } from "@/components/settings/scoring-form";
import { ShadowCard } from "@/components/settings/shadow-card";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatDate } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { getMrrAtRisk } from "@/server/risk/queries";
import { getShadowSummary } from "@/server/scoring/shadow";
import { getLiveVersion, listVersions } from "@/server/scoring/versions";
import { getSettings } from "@/server/settings/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Half-lives, thresholds, risk weights, every interaction type's weight and the versions saved; admins change them. */
export async function ScoringEditor({ member }: { member: SessionMember }) {
  const db = await readDb();
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
      <p className="mb-4 max-w-prose text-sm text-slate-600">
        Saving makes the next scoring version and rebuilds every customer&apos;s balance and risk score from their
        interactions, in one transaction. &ldquo;Preview backtest&rdquo; shows how the draft would have ranked the
        customers who churned, beside version {live.number}, before anything is saved. The formulas are on the risk page
        under &ldquo;How is this computed?&rdquo;.
      </p>
      <ShadowCard
        shadow={
          shadow
            ? {
                number: shadow.number,
                until: formatDate(shadow.until),
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
      <Card title="Scoring versions" className="mt-6">
        <ScrollRegion label="Scoring versions">
          <table className="w-full text-left text-sm" aria-label="Scoring versions">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1">
                  Version
                </th>
                <th scope="col">Saved</th>
                <th scope="col">What changed</th>
                {backtests ? <th scope="col">Backtest</th> : null}
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.number} className="border-t border-slate-100 align-top" data-testid="scoring-version">
                  <td className="py-1.5 pr-3 font-medium tabular-nums">
                    {v.number}
                    {v.number === live.number ? " (live)" : ""}
                    {v.number === shadow?.number ? " (shadow)" : ""}
                    {v.kind === "fitted" ? ", fitted" : ""}
                  </td>
                  <td className="pr-3 whitespace-nowrap">
                    {formatDate(v.createdAt)}
                    {v.createdBy ? ` by ${v.createdBy}` : ""}
                  </td>
                  <td className="pr-3">{v.summary}</td>
                  {backtests ? (
                    <td>
                      <Link className="text-brand-700 underline" href={`/risk/backtest?version=${v.number}`}>
                        Backtest
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
