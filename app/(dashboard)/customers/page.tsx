import { getTranslations } from "next-intl/server";
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

export async function generateMetadata() {
  const t = await getTranslations("customers.list");
  return { title: t("title") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember();
  const [params, models, owners, t] = await Promise.all([
    searchParams,
    getJourneyModels(db),
    listActiveMembers(db),
    getTranslations("customers.list"),
  ]);
  const query = readCustomerQuery(params, member.id, models);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(member.role, "customers.write") ? (
            <Link href="/customers/new" className={buttonClass()}>
              {t("newCustomer")}
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
