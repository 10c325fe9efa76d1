import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { DelightLog } from "@/components/delight/delight-log";
import { DelightMonthly } from "@/components/delight/delight-monthly";
import { DelightQueue } from "@/components/delight/delight-queue";
import { SavedViews } from "@/components/views/saved-views";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { first, type SearchParams } from "@/lib/search-params";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("delight");
  return { title: t("page.title") };
}

export default async function DelightPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requirePageMember();
  const [params, t] = await Promise.all([searchParams, getTranslations("delight")]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("page.title")}
        description={t("page.description")}
        actions={
          <Link href="/delight/effect" className="text-sm font-medium text-brand-700 underline">
            {t("page.effectLink")}
          </Link>
        }
      />
      {first(params, "logged") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-2 text-sm font-medium text-emerald-800">
          {t("page.logged")}
        </p>
      ) : null}
      <Suspense fallback={<Skeleton className="h-9 w-48" />}>
        <SavedViews list="delight" member={member} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-64" />}>
        <DelightQueue member={member} params={params} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-3">
        <Suspense fallback={<Skeleton className="h-48" />}>
          <DelightMonthly />
        </Suspense>
        <div className="lg:col-span-2">
          <Suspense fallback={<Skeleton className="h-96" />}>
            <DelightLog params={params} />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
