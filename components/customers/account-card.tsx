import { getTranslations } from "next-intl/server";
import { AccountActions } from "@/components/customers/account-actions";
import { MilestoneForm } from "@/components/customers/milestone-form";
import { PrivacyActions } from "@/components/customers/privacy-actions";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import type { CustomerRow } from "@/server/customers/queries";
import { listActiveMembers } from "@/server/team/queries";

/** Owner, churn and reactivation, the milestone by hand, and (admins) export and erasure. */
export async function AccountCard({ row, member }: { row: CustomerRow; member: SessionMember }) {
  const db = await readDb();
  if (!can(member.role, "customers.write")) return null;
  const [owners, t] = await Promise.all([listActiveMembers(db), getTranslations("customers.account")]);
  return (
    <Card title={t("title")}>
      <AccountActions
        customerId={row.customer.id}
        ownerId={row.customer.ownerId}
        status={row.customer.status}
        owners={owners}
      />
      {can(member.role, "journey.write") ? (
        <MilestoneForm customerId={row.customer.id} milestone={row.customer.milestone} />
      ) : null}
      {can(member.role, "customers.privacy") ? (
        <section aria-label={t("personalData")} className="mt-4 border-t border-slate-100 pt-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("personalData")}</h3>
          <PrivacyActions customerId={row.customer.id} name={row.customer.name} />
        </section>
      ) : null}
    </Card>
  );
}
