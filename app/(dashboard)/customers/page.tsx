import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { CustomerFilters } from "@/components/customers/customer-filters";
import { CustomerResults } from "@/components/customers/customer-results";
import { SavedViews } from "@/components/views/saved-views";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import { can } from "@/lib/permissions";
import type { SearchParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { defaultModel, getJourneyModels } from "@/server/journey/models";
import { listActiveMembers } from "@/server/team/queries";
import { readCustomerQuery } from "@/server/customers/list-params";

export const metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember();
  const [params, models, owners] = await Promise.all([searchParams, getJourneyModels(db), listActiveMembers(db)]);
  const query = readCustomerQuery(params, member.id, models);
  return (
    <>
      <PageHeader
        title="Customers"
        description="Find a customer, see everything that happened, log what just happened."
        actions={
          can(member.role, "customers.write") ? (
            <Link href="/customers/new" className={buttonClass()}>
              New customer
            </Link>
          ) : null
        }
      />
      <Suspense fallback={<Skeleton className="mb-4 h-9 w-48" />}>
        <SavedViews list="customers" member={member} />
      </Suspense>
      <CustomerFilters params={params} query={query} owners={owners} models={models} />
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton className="h-96" />}>
        <CustomerResults params={params} query={query} model={defaultModel(models)} role={member.role} />
      </Suspense>
    </>
  );
}
