import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { AccountCard } from "@/components/customers/account-card";
import { BalanceOverTime } from "@/components/customers/balance-over-time";
import { RevenueCard } from "@/components/customers/revenue-card";
import { CustomerTasks } from "@/components/tasks/customer-tasks";
import { OutreachCard } from "@/components/outreach/outreach-card";
import { CustomerHeader } from "@/components/customers/customer-header";
import { TimelineSection } from "@/components/timeline/timeline-section";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import type { SearchParams } from "@/lib/search-params";
import { parseId } from "@/lib/validation/fields";
import { requirePageMember } from "@/server/auth/session";
import { getCustomer } from "@/server/customers/queries";
import { readFormToOpen, readTimelineView } from "./search-params";

// The title and the page read the same customer: once per request.
const customerRow = cache(async (id: number) => getCustomer(await readDb(), { id }));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  await requirePageMember();
  const id = parseId((await params).id);
  const row = id ? await customerRow(id) : undefined;
  if (row) return { title: row.customer.name };
  const t = await getTranslations("customers.detail");
  return { title: t("title") };
}

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const member = await requirePageMember();
  const [{ id: rawId }, query, t] = await Promise.all([params, searchParams, getTranslations("customers.detail")]);
  const id = parseId(rawId);
  const row = id ? await customerRow(id) : undefined;
  if (!row) notFound();
  const { kind, cursor } = readTimelineView(query);
  const formToOpen = readFormToOpen(query);
  return (
    <div className="space-y-6">
      <Link href="/customers" className="text-sm font-medium text-slate-600 hover:underline">
        {t("back")}
      </Link>
      <CustomerHeader row={row} member={member} />
      <Suspense fallback={<Skeleton className="h-32" />}>
        <CustomerTasks
          customerId={row.customer.id}
          ownerId={row.customer.ownerId}
          member={member}
          openNewTask={formToOpen === "task"}
        />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-16" />}>
        <OutreachCard customerId={row.customer.id} member={member} />
      </Suspense>
      <AccountCard row={row} member={member} />
      <Suspense fallback={<Skeleton className="h-64" />}>
        <BalanceOverTime row={row} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <RevenueCard customer={row.customer} member={member} />
      </Suspense>
      <Suspense key={`${kind}-${cursor ?? ""}`} fallback={<Skeleton className="h-96" />}>
        <TimelineSection
          customerId={row.customer.id}
          member={member}
          kind={kind}
          cursor={cursor}
          params={query}
          focusLogForm={formToOpen === "interaction"}
        />
      </Suspense>
    </div>
  );
}
