import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { BookCounts } from "@/components/overview/book-counts";
import { CurrentDistribution } from "@/components/overview/current-distribution";
import { MrrAtRisk } from "@/components/overview/mrr-at-risk";
import { MyTopRisks } from "@/components/overview/my-top-risks";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const member = await requirePageMember();
  return (
    <div className="space-y-6">
      <PageHeader title={`Good to see you, ${member.name.split(" ")[0]}`} description="How the book stands today." />
      <Suspense fallback={<Skeleton className="h-28" />}>
        <BookCounts />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-72" />}>
        <CurrentDistribution />
      </Suspense>
      <div className="grid gap-4 lg:grid-cols-3">
        <Suspense fallback={<Skeleton className="h-28" />}>
          <MrrAtRisk />
        </Suspense>
        <Card
          title="Your top five at risk"
          className="lg:col-span-2"
          action={
            <Link href="/risk" className="text-sm font-medium text-brand-700 underline">
              Open the risk list
            </Link>
          }
        >
          <Suspense fallback={<Skeleton className="h-40" />}>
            <MyTopRisks memberId={member.id} />
          </Suspense>
        </Card>
      </div>
    </div>
  );
}
