import type { Metadata } from "next";
import { Suspense } from "react";
import { Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { getBookCounts } from "@/db/queries/overview";
import { requirePageMember } from "@/lib/auth/session";
import { formatCents, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

async function BookCounts() {
  const counts = await getBookCounts();
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Book counts">
      <Stat label="Customers" value={formatNumber(counts.customers)} hint="Everyone in the book, from first touch on" />
      <Stat label="Active" value={formatNumber(counts.active)} />
      <Stat label="Churned in the last 30 days" value={formatNumber(counts.churnedLast30Days)} />
      <Stat label="Monthly recurring revenue" value={formatCents(counts.mrrCents)} hint="Active customers" />
    </dl>
  );
}

export default async function OverviewPage() {
  const member = await requirePageMember();
  return (
    <>
      <PageHeader title={`Good to see you, ${member.name.split(" ")[0]}`} description="How the book stands today." />
      <Suspense fallback={<Skeleton className="h-28" />}>
        <BookCounts />
      </Suspense>
    </>
  );
}
