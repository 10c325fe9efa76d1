import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { getOutreachRefusal } from "@/server/outreach/send";
import { EmailCustomerForm } from "./email-customer-form";

/** Email the customer, with the reason up front when the never-over-contact rule would refuse. */
export async function OutreachCard({ customerId, member }: { customerId: number; member: SessionMember }) {
  const db = await readDb();
  if (!can(member.role, "outreach.send")) return null;
  const refusal = await getOutreachRefusal(db, { customerId });
  return (
    <Card title="Email">
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Write to this customer</summary>
        <div className="mt-3">
          <EmailCustomerForm customerId={customerId} refusal={refusal} />
        </div>
      </details>
    </Card>
  );
}
