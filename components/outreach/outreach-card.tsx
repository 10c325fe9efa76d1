import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { getOutreachRefusal } from "@/server/outreach/send";
import { EmailCustomerForm } from "./email-customer-form";
import { getTranslations } from "next-intl/server";
import { outreachRefusalMessage } from "@/lib/outreach";
import { requestSpeaker } from "@/server/actions/request-speaker";

/** Email the customer, with the reason up front when the never-over-contact rule would refuse. */
export async function OutreachCard({ customerId, member }: { customerId: number; member: SessionMember }) {
  const db = await readDb();
  if (!can(member.role, "outreach.send")) return null;
  const [refusal, t, { say }] = await Promise.all([
    getOutreachRefusal(db, { customerId }),
    getTranslations("outreach"),
    requestSpeaker(),
  ]);
  return (
    <Card title={t("card.title")}>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("card.write")}</summary>
        <div className="mt-3">
          <EmailCustomerForm customerId={customerId} refusal={refusal ? say(outreachRefusalMessage(refusal)) : null} />
        </div>
      </details>
    </Card>
  );
}
