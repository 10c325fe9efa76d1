import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { JourneyShapeChart } from "@/components/charts/lazy";
import { getJourneyModels } from "@/server/journey/models";
import { getStageSnapshot } from "@/server/journey/stats";
import { getBookCounts } from "@/server/customers/book-counts";
import { BOOK_WIDE } from "@/lib/journey/filters";
import { getMrrAtRisk, getRiskList } from "@/server/risk/queries";
import { requirePageMember } from "@/server/auth/session";
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

async function MrrAtRisk() {
  const atRisk = await getMrrAtRisk();
  return (
    <Stat
      label="MRR at risk"
      value={formatCents(atRisk.mrrCents)}
      hint={`${formatNumber(atRisk.customers)} active customers with a risk score of ${atRisk.threshold} or more`}
    />
  );
}

async function MyTopRisks({ memberId }: { memberId: number }) {
  const { rows } = await getRiskList({ ownerId: memberId, sort: "risk", direction: "desc", page: 1, pageSize: 5 });
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        None of your customers is at risk.{" "}
        <Link href="/risk?owner=all" className="font-medium text-brand-700 underline">
          See the whole book
        </Link>
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100" aria-label="Your customers at risk">
      {rows.map((row) => (
        <li key={row.id} className="flex items-center justify-between gap-3 py-2 text-sm">
          <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
            {row.name}
          </Link>
          <span className="flex items-center gap-3">
            <span className="tabular-nums text-slate-600">{formatCents(row.mrrCents)}</span>
            <BalanceBadge balance={row.balance} />
            <span className="tabular-nums text-xs text-slate-500">risk {row.riskScore.toFixed(1)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

async function CurrentDistribution() {
  const models = await getJourneyModels();
  const model = models.find((m) => m.isDefault) ?? models[0];
  const snapshot = await getStageSnapshot(model, BOOK_WIDE);
  return (
    <Card
      title={`Active customers on the ${model.name}`}
      action={
        <Link href="/journey" className="text-sm font-medium text-brand-700 underline">
          Open the journey
        </Link>
      }
    >
      <JourneyShapeChart
        compact
        shape={model.shape}
        data={model.stages.map((stage, i) => ({
          name: stage.name,
          count: snapshot.stages[i].now,
          reached: snapshot.stages[i].reached,
        }))}
      />
    </Card>
  );
}

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
