import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import {
  ArrAtRiskCard,
  ArrBridgeCard,
  CohortsCard,
  RenewalsCard,
  RetentionCard,
} from "@/components/revenue/revenue-report";
import { RevenueFilters } from "@/components/revenue/revenue-filters";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import { can } from "@/lib/permissions";
import { readRevenuePeriod } from "@/lib/revenue-period";
import { first, type SearchParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { revenueOwner, revenueOwnerChoice } from "@/server/revenue/page";
import { listActiveMembers } from "@/server/team/queries";

export async function generateMetadata() {
  const t = await getTranslations("revenue");
  return { title: t("page.title") };
}

export default async function RevenuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  const member = await requirePageMember("revenue.read");
  const [params, owners, t] = await Promise.all([searchParams, listActiveMembers(db), getTranslations("revenue")]);
  const now = new Date();
  const { period, problem } = readRevenuePeriod(
    { period: first(params, "period"), from: first(params, "from"), to: first(params, "to") },
    now,
  );
  const scope = { period, ownerId: revenueOwner(member, params), now };
  const book = can(member.role, "revenue.book");
  return (
    <>
      <PageHeader title={t("page.title")} description={book ? t("page.descriptionBook") : t("page.descriptionOwn")} />
      <RevenueFilters period={period} owner={revenueOwnerChoice(member, params)} owners={book ? owners : null} />
      {problem ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("page.problem", { problem: t(`periodProblems.${problem}`) })}
        </p>
      ) : null}
      <div className="grid gap-4">
        <Suspense
          key={`bridge-${period.fromDay}-${period.toDay}-${scope.ownerId}`}
          fallback={<Skeleton className="h-72" />}
        >
          <ArrBridgeCard {...scope} />
        </Suspense>
        <div className="grid gap-4 lg:grid-cols-2">
          <Suspense fallback={<Skeleton className="h-48" />}>
            <RetentionCard {...scope} />
          </Suspense>
          <Suspense fallback={<Skeleton className="h-48" />}>
            <ArrAtRiskCard {...scope} />
          </Suspense>
        </div>
        <Suspense fallback={<Skeleton className="h-72" />}>
          <RenewalsCard {...scope} />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-96" />}>
          <CohortsCard {...scope} />
        </Suspense>
      </div>
    </>
  );
}
