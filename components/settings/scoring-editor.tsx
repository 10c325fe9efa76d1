import { ScoringForm } from "@/components/settings/scoring-form";
import { db } from "@/db";
import { can, type SessionMember } from "@/lib/permissions";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { getSettings } from "@/server/settings/queries";

/** Half-lives, thresholds, risk weights and every interaction type's weight; admins change them. */
export async function ScoringEditor({ member }: { member: SessionMember }) {
  const [{ ledger, risk, delight, advocacy }, types] = await Promise.all([
    getSettings(db, ["ledger", "risk", "delight", "advocacy"]),
    listInteractionTypes(db),
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
