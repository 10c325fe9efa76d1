import { Suspense } from "react";
import { AdvocateCandidates } from "@/components/advocates/advocate-candidates";
import { AdvocateLeaderboard } from "@/components/advocates/advocate-leaderboard";
import { AdvocateReferrals } from "@/components/advocates/advocate-referrals";
import { AdvocateRoster } from "@/components/advocates/advocate-roster";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import type { SearchParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { readRosterQuery } from "./search-params";

export const metadata = { title: "Advocates" };

export default async function AdvocatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [member, params] = await Promise.all([requirePageMember(), searchParams]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Advocates"
        description="Evangelists come from VIP treatment: give ambassadors roles in the community, log what they do, and do not ask too often."
      />
      <Suspense fallback={<Skeleton className="h-48" />}>
        <AdvocateCandidates member={member} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Suspense fallback={<Skeleton className="h-64" />}>
            <AdvocateRoster member={member} params={params} query={readRosterQuery(params)} />
          </Suspense>
        </div>
        <Suspense fallback={<Skeleton className="h-64" />}>
          <AdvocateLeaderboard />
        </Suspense>
      </div>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <AdvocateReferrals />
      </Suspense>
    </div>
  );
}
