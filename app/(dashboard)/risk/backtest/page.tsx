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

export const metadata = { title: "Backtest" };

export default async function BacktestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  await requirePageMember("backtest.read");
  const [params, versions, live] = await Promise.all([searchParams, listVersions(db), getLiveVersion(db)]);
  const view = readBacktestView(params);
  const versionNumber = versions.some((v) => v.number === view.versionNumber)
    ? (view.versionNumber as number)
    : live.number;
  return (
    <>
      <PageHeader
        title="Does the risk score predict churn?"
        description="Each month of the last year, the score as it stood then — from what had happened and been recorded by then, nothing later — against who churned afterwards, beside scores built from a single input."
        actions={
          <Link href="/risk" className="text-sm font-medium text-brand-700 underline">
            Back to the risk list
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
            <p className="text-sm text-slate-600">Scoring every paying customer at every monthly cutoff…</p>
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
      <Card title="How to read it, and its limits" className="mt-6">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            Population: at each cutoff (the 1st of a month whose horizon has passed), the customers who had bought and
            had not churned. Outcome: churned within the horizon after it.
          </li>
          <li>
            No look-ahead: an interaction counts at a cutoff only if it had happened and reached Hourglass by then; a
            late row from a feed counts from the day it arrived.
          </li>
          <li>
            ROC AUC is the chance that a random churner scored higher than a random customer who stayed (ties count
            half). Lift is the churn rate among those flagged divided by the book&apos;s churn rate.
          </li>
          <li>
            MRR, owner and plan are today&apos;s (Hourglass keeps no history of them); an edit or deletion of an old
            interaction rewrites the past it describes (the audit log keeps what it was).
          </li>
          <li>
            The baselines score with one input each, pointed the way that favours them. A score that cannot beat them is
            not worth a morning.
          </li>
        </ul>
      </Card>
    </>
  );
}
