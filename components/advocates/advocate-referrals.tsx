import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { stageName } from "@/lib/i18n/journey-labels";
import { stageForMilestone } from "@/lib/journey/models";
import { getReferrals } from "@/server/advocacy/queries";
import { defaultModel, getJourneyModels } from "@/server/journey/models";

/** Referred customers, who referred them and where they stand now. */
export async function AdvocateReferrals() {
  const db = await readDb();
  const [referrals, models, t, tj, f] = await Promise.all([
    getReferrals(db),
    getJourneyModels(db),
    getTranslations("advocates.referrals"),
    getTranslations("journey"),
    getFormat(),
  ]);
  const model = defaultModel(models);
  const stageLabel = (milestone: number) => {
    const stage = stageForMilestone(model.stages, milestone);
    return stage ? stageName(tj, model, stage) : null;
  };
  return (
    <Card title={t("title")}>
      {referrals.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label={t("aria")}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                {t("referred")}
              </th>
              <th scope="col">{t("by")}</th>
              <th scope="col">{t("stageNow")}</th>
              <th scope="col">{t("signedUp")}</th>
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
                <td>{r.status === "churned" ? t("churned") : stageLabel(r.milestone)}</td>
                <td>{f.date(r.signedUpAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
