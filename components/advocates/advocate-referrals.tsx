import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatDate } from "@/lib/format";
import { stageForMilestone } from "@/lib/journey/models";
import { getReferrals } from "@/server/advocacy/queries";
import { defaultModel, getJourneyModels } from "@/server/journey/models";

/** Referred customers, who referred them and where they stand now. */
export async function AdvocateReferrals() {
  const db = await readDb();
  const [referrals, models] = await Promise.all([getReferrals(db), getJourneyModels(db)]);
  const model = defaultModel(models);
  return (
    <Card title="Referrals and where they are now">
      {referrals.length === 0 ? (
        <p className="text-sm text-slate-600">No referrals yet.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Referrals">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                Referred
              </th>
              <th scope="col">By</th>
              <th scope="col">Stage now</th>
              <th scope="col">Signed up</th>
            </tr>
          </thead>
          <tbody>
            {referrals.map((r) => (
              <tr key={r.customerId} className="border-t border-slate-100">
                <td className="py-1.5">
                  <Link href={`/customers/${r.customerId}`} className="font-medium text-brand-700 hover:underline">
                    {r.customerName}
                  </Link>
                </td>
                <td>
                  <Link href={`/advocates/${r.advocateId}`} className="hover:underline">
                    {r.advocateName}
                  </Link>
                </td>
                <td>{r.status === "churned" ? "churned" : stageForMilestone(model.stages, r.milestone)?.name}</td>
                <td>{formatDate(r.signedUpAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
