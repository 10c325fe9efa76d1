import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { BacktestControls } from "@/components/backtest/backtest-controls";
import { BacktestResults } from "@/components/backtest/backtest-results";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import type { SearchParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";
import { getLiveVersion, listVersions } from "@/server/scoring/versions";
import { readBacktestView } from "./search-params";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("backtest.page");
  return { title: t("metaTitle") };
}

export default async function BacktestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  await requirePageMember("backtest.read");
  const t = await getTranslations("backtest.page");
  const [params, versions, live] = await Promise.all([searchParams, listVersions(db), getLiveVersion(db)]);
  const view = readBacktestView(params);
  const versionNumber = versions.some((v) => v.number === view.versionNumber)
    ? (view.versionNumber as number)
    : live.number;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/risk" className="text-sm font-medium text-brand-700 underline">
            {t("back")}
          </Link>
        }
      />
      <BacktestControls
        versions={versions}
        versionNumber={versionNumber}
        liveNumber={live.number}
        horizonDays={view.horizonDays}
        includeProxies={view.includeProxies}
      />
      <Suspense
        key={JSON.stringify([versionNumber, view.horizonDays, view.includeProxies])}
        fallback={
          <div className="space-y-3" role="status" aria-live="polite">
            <p className="text-sm text-slate-600">{t("loading")}</p>
            <Skeleton className="h-96" />
          </div>
        }
      >
        <BacktestResults
          versionNumber={versionNumber}
          horizonDays={view.horizonDays}
          includeProxies={view.includeProxies}
        />
      </Suspense>
      <Card title={t("limits.title")} className="mt-6">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("limits.population")}</li>
          <li>{t("limits.lookAhead")}</li>
          <li>{t("limits.auc")}</li>
          <li>{t("limits.today")}</li>
          <li>{t("limits.baselines")}</li>
        </ul>
      </Card>
    </>
  );
}
