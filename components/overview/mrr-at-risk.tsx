import { Stat } from "@/components/ui/card";
import { db } from "@/db";
import { formatCents, formatNumber } from "@/lib/format";
import { getMrrAtRisk } from "@/server/risk/queries";

export async function MrrAtRisk() {
  const atRisk = await getMrrAtRisk(db);
  return (
    <dl aria-label="MRR at risk">
      <Stat
        label="MRR at risk"
        value={formatCents(atRisk.mrrCents)}
        hint={`${formatNumber(atRisk.customers)} active customers with a risk score of ${atRisk.threshold} or more`}
      />
    </dl>
  );
}
