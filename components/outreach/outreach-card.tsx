import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { getOutreachRefusal } from "@/server/outreach/send";
import { EmailCustomerForm } from "./email-customer-form";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/server/i18n/format";
import type { OutreachRefusal } from "@/lib/outreach";
import type { Format } from "@/lib/format";

type OutreachT = Awaited<ReturnType<typeof getTranslations<"outreach">>>;

/** The never-over-contact rule's refusal as a sentence. */
function refusalText(t: OutreachT, f: Format, refusal: OutreachRefusal): string {
  switch (refusal.kind) {
    case "noEmail":
      return t("refusal.noEmail", { name: refusal.name });
    case "churned":
      return t("refusal.churned", { name: refusal.name });
    case "fatigued":
      return t("refusal.fatigued", { name: refusal.name, contacts: refusal.contacts, days: refusal.windowDays });
    case "quiet":
      return t("refusal.quiet", {
        name: refusal.name,
        ago: f.ago(refusal.lastEmailAt),
        days: refusal.quietDays,
        next: f.date(refusal.next),
      });
  }
}

/** Email the customer, with the reason up front when the never-over-contact rule would refuse. */
export async function OutreachCard({ customerId, member }: { customerId: number; member: SessionMember }) {
  const db = await readDb();
  if (!can(member.role, "outreach.send")) return null;
  const [refusal, t, f] = await Promise.all([
    getOutreachRefusal(db, { customerId }),
    getTranslations("outreach"),
    getFormat(),
  ]);
  return (
    <Card title={t("card.title")}>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("card.write")}</summary>
        <div className="mt-3">
          <EmailCustomerForm customerId={customerId} refusal={refusal ? refusalText(t, f, refusal) : null} />
        </div>
      </details>
    </Card>
  );
}
