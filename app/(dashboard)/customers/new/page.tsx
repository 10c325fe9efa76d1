import { getTranslations } from "next-intl/server";
import { readDb } from "@/server/reads/read-db";
import { CustomerForm } from "@/components/customers/customer-form";
import { PageHeader } from "@/components/ui/page-header";
import { listActiveMembers } from "@/server/team/queries";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("customers.new");
  return { title: t("title") };
}

export default async function NewCustomerPage() {
  const db = await readDb();
  await requirePageMember("customers.write");
  const [owners, t] = await Promise.all([listActiveMembers(db), getTranslations("customers.new")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CustomerForm owners={owners} />
    </>
  );
}
