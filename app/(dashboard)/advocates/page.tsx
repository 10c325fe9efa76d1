import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { AdvocateCandidates } from "@/components/advocates/advocate-candidates";
import { AdvocateLeaderboard } from "@/components/advocates/advocate-leaderboard";
import { AdvocateReferrals } from "@/components/advocates/advocate-referrals";
import { AdvocateRoster } from "@/components/advocates/advocate-roster";
import { SavedViews } from "@/components/views/saved-views";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Link } from "@/components/ui/link";
import { readDb } from "@/server/reads/read-db";
import { advocateRoleName } from "@/lib/i18n/labels";
import { idParam, param, type SearchParams } from "@/lib/search-params";
import { getAdvocateStatusLine } from "@/server/advocacy/queries";
import { requirePageMember } from "@/server/auth/session";
import { readRosterQuery } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("advocates");
  return { title: t("page.title") };
}

export default async function AdvocatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const [member, params, t, tl] = await Promise.all([
    requirePageMember(),
    searchParams,
    getTranslations("advocates"),
    getTranslations("labels"),
  ]);
  const invitedId = param(params, "invited", idParam().optional(), undefined);
  const invited = invitedId ? await getAdvocateStatusLine(db, { customerId: invitedId }) : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title={t("page.title")} description={t("page.description")} />
      {invited ? (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("page.statusLine", {
            name: invited.name,
            status: invited.status,
            role: advocateRoleName(tl, { key: invited.roleKey, name: invited.roleName }),
          })}{" "}
          <Link href={`/advocates/${invitedId}`} className="font-medium underline">
            {t("page.openPage", { name: invited.name })}
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
