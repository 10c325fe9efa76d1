import { readDb } from "@/server/reads/read-db";
import { CustomerForm } from "@/components/customers/customer-form";
import { PageHeader } from "@/components/ui/page-header";
import { listActiveMembers } from "@/server/team/queries";
import { requirePageMember } from "@/server/auth/session";

export const metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  const db = await readDb();
  await requirePageMember("customers.write");
  const owners = await listActiveMembers(db);
  return (
    <>
      <PageHeader
        title="New customer"
        description="They start at the first milestone (aware); logging what happens moves them along."
      />
      <CustomerForm owners={owners} />
    </>
  );
}
