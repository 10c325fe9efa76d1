import { getTranslations } from "next-intl/server";
import { readDb } from "@/server/reads/read-db";
import { notFound } from "next/navigation";
import { CustomerForm } from "@/components/customers/customer-form";
import { PageHeader } from "@/components/ui/page-header";
import { getCustomer } from "@/server/customers/queries";
import { listActiveMembers } from "@/server/team/queries";
import { requirePageMember } from "@/server/auth/session";
import { parseId } from "@/lib/validation/fields";

export async function generateMetadata() {
  const t = await getTranslations("customers.edit");
  return { title: t("title") };
}

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const db = await readDb();
  await requirePageMember("customers.write");
  const id = parseId((await params).id);
  const [row, owners, t] = await Promise.all([
    id ? getCustomer(db, { id }) : undefined,
    listActiveMembers(db),
    getTranslations("customers.edit"),
  ]);
  if (!row) notFound();
  const { customer } = row;
  return (
    <>
      <PageHeader title={t("heading", { name: customer.name })} />
      <CustomerForm
        owners={owners}
        initial={{
          id: customer.id,
          name: customer.name,
          email: customer.email ?? "",
          company: customer.company ?? "",
          plan: customer.plan,
          mrr: (customer.mrrCents / 100).toFixed(2),
          ownerId: customer.ownerId ? String(customer.ownerId) : "",
        }}
      />
    </>
  );
}
