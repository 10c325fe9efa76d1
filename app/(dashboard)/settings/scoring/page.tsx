import { ScoringForm } from "@/components/settings/scoring-form";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { getSettings } from "@/server/settings/queries";
import { requirePageMember } from "@/server/auth/session";
import { can } from "@/lib/permissions";

export const metadata = { title: "Scoring" };

export default async function ScoringPage() {
  const member = await requirePageMember("settings.read");
  const [{ ledger, risk, delight, advocacy }, types] = await Promise.all([
    getSettings(["ledger", "risk", "delight", "advocacy"]),
    listInteractionTypes(),
  ]);
  return (
    <>
      <p className="mb-4 max-w-prose text-sm text-slate-600">
        Saving rebuilds every customer&apos;s balance and risk score from their interactions, in one transaction. The
        formulas are on the risk page under &ldquo;How is this computed?&rdquo;.
      </p>
      <ScoringForm
        ledger={ledger}
        risk={risk}
        delight={delight}
        advocacy={advocacy}
        types={types}
        editable={can(member.role, "settings.manage")}
      />
    </>
  );
}
