import { AccountActions } from "@/components/customers/account-actions";
import { MilestoneForm } from "@/components/customers/milestone-form";
import { Card } from "@/components/ui/card";
import { db } from "@/db";
import { can, type SessionMember } from "@/lib/permissions";
import type { CustomerRow } from "@/server/customers/queries";
import { listActiveMembers } from "@/server/team/queries";

/** Owner, churn and reactivation, and the milestone by hand: for members who may write. */
export async function AccountCard({ row, member }: { row: CustomerRow; member: SessionMember }) {
  if (!can(member.role, "customers.write")) return null;
  const owners = await listActiveMembers(db);
  return (
    <Card title="Account">
      <AccountActions
        customerId={row.customer.id}
        ownerId={row.customer.ownerId}
        status={row.customer.status}
        owners={owners}
      />
      {can(member.role, "journey.write") ? (
        <MilestoneForm customerId={row.customer.id} milestone={row.customer.milestone} />
      ) : null}
    </Card>
  );
}
