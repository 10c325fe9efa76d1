import { Suspense } from "react";
import { AdvocateCandidates } from "@/components/advocates/advocate-candidates";
import { AdvocateLeaderboard } from "@/components/advocates/advocate-leaderboard";
import { AdvocateReferrals } from "@/components/advocates/advocate-referrals";
import { AdvocateRoster } from "@/components/advocates/advocate-roster";
import { SavedViews } from "@/components/views/saved-views";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Link } from "@/components/ui/link";
import { readDb } from "@/server/reads/read-db";
import { idParam, param, type SearchParams } from "@/lib/search-params";
import { getAdvocateStatusLine } from "@/server/advocacy/queries";
import { requirePageMember } from "@/server/auth/session";
import { readRosterQuery } from "./search-params";

export const metadata = { title: "Advocates" };

export default async function AdvocatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const [member, params] = await Promise.all([requirePageMember(), searchParams]);
  const invitedId = param(params, "invited", idParam().optional(), undefined);
  const invited = invitedId ? await getAdvocateStatusLine(db, { customerId: invitedId }) : undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Advocates"
        description="Evangelists come from VIP treatment: give ambassadors roles in the community, log what they do, and do not ask too often."
      />
      {invited ? (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {invited.name}: {invited.status}.{" "}
          <Link href={`/advocates/${invitedId}`} className="font-medium underline">
            Open {invited.name}&apos;s page
          </Link>
        </p>
      ) : null}
      <Suspense fallback={<Skeleton className="h-9 w-48" />}>
        <SavedViews list="advocates" member={member} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <AdvocateCandidates member={member} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
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
