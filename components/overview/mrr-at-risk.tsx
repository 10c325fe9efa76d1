import { Stat } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatCents, formatNumber } from "@/lib/format";
import { getMrrAtRisk } from "@/server/risk/queries";

export async function MrrAtRisk() {
  const db = await readDb();
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
