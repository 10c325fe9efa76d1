import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

/** A figure's card: its number and a line or two of words. */
const STAT_HEIGHT = "h-28 lg:h-[134px]";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  const [member, t] = await Promise.all([requirePageMember(), getTranslations("overview")]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("greeting", { name: member.name.split(" ")[0] })} description={t("description")} />
      {/* Each stand-in is as tall as what it stands for, so nothing below it moves when that arrives. */}
      <Suspense
        fallback={
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className={STAT_HEIGHT} />
            ))}
          </div>
        }
      >
        <BookCounts />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-[360px]" />}>
        <CurrentDistribution />
      </Suspense>
      <div className="grid gap-4 lg:grid-cols-3">
        <Suspense fallback={<Skeleton className={STAT_HEIGHT} />}>
          <MrrAtRisk />
        </Suspense>
        <Card
          title={t("topRisks.title")}
          className="lg:col-span-2"
          action={
            <Link href="/risk" className="text-sm font-medium text-brand-700 underline">
              {t("topRisks.openRiskList")}
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
