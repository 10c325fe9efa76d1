import { Link } from "@/components/ui/link";
import { readDb } from "@/server/reads/read-db";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getSettings } from "@/server/settings/queries";
import { can } from "@/lib/permissions";
import { requirePageMember } from "@/server/auth/session";
import { formatCents } from "@/lib/format";

export const metadata = { title: "How risk is computed" };

export default async function HowRiskIsComputed() {
  const db = await readDb();
  const member = await requirePageMember();
  const { ledger, risk } = await getSettings(db, ["ledger", "risk"]);
  const code = "block overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100";
  return (
    <>
      <PageHeader
        title="How is this computed?"
        description="The experience ledger and the risk score, with your team's current settings."
      />
      <div className="grid max-w-3xl gap-4">
        <Card title="Balance">
          <p className="text-sm text-slate-700">
            Every interaction is a credit (good experience), a debit (bad experience) or neutral. Its weight fades with
            a half-life:
          </p>
          <code className={`${code} mt-2`}>balance(t) = Σ weight · 2^(−age / half-life)</code>
          <p className="mt-2 text-sm text-slate-700">
            Credit half-life: <strong>{ledger.creditHalfLifeDays} days</strong>. Debt half-life:{" "}
            <strong>{ledger.debtHalfLifeDays} days</strong>. Credit fades faster than debt lingers. Example: a complaint
            (−3) {ledger.debtHalfLifeDays} days ago counts −1.5 today.
          </p>
        </Card>
        <Card title="Risk score">
          <code className={code}>
            risk = {risk.debtWeight} · debt + {risk.trendWeight} · fall over 30 days + {risk.silenceWeight} · silence +{" "}
            {risk.fatigueWeight} · fatigued
          </code>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>
              <strong>Debt</strong>: how far the balance is below zero.
            </li>
            <li>
              <strong>Fall over 30 days</strong>: how much the balance dropped in the last 30 days.
            </li>
            <li>
              <strong>Silence</strong>: a paying customer with no inbound activity for more than {risk.silenceDays}{" "}
              days; one point per further {risk.silenceDays} days, at most 3.
            </li>
            <li>
              <strong>Fatigued</strong>: {risk.fatigueContacts} or more outbound contacts within{" "}
              {risk.fatigueWindowDays} days and no reply. Stop selling, change the conversation.
            </li>
            <li>
              At risk from a score of <strong>{risk.atRiskScore}</strong>; an executive call is suggested from{" "}
              <strong>{formatCents(risk.executiveMrrCents)}</strong> MRR.
            </li>
          </ul>
          <p className="mt-2 text-sm text-slate-600">
            Scores are updated on every change to a customer and for the whole book every 10 minutes.
          </p>
        </Card>
        <p className="text-sm text-slate-600">
          Admins change these numbers and the weight of every interaction type in{" "}
          {can(member.role, "settings.read") ? (
            <Link href="/settings/scoring" className="font-medium text-brand-700 underline">
              Settings → Scoring
            </Link>
          ) : (
            "Settings → Scoring"
          )}
          . The full definition is in <code>docs/ledger.md</code> in the repository.
        </p>
      </div>
    </>
  );
}
