import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { AdvocateActivity } from "@/components/advocates/advocate-activity";
import { AdvocateRoles } from "@/components/advocates/advocate-roles";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { readDb } from "@/server/reads/read-db";
import { milestoneLabel } from "@/lib/i18n/labels";
import { parseId } from "@/lib/validation/fields";
import { requirePageMember } from "@/server/auth/session";
import { getCustomer } from "@/server/customers/queries";

export async function generateMetadata() {
  const t = await getTranslations("advocates");
  return { title: t("advocate.title") };
}

export default async function AdvocatePage({ params }: { params: Promise<{ id: string }> }) {
  const db = await readDb();
  const member = await requirePageMember();
  const [t, tl] = await Promise.all([getTranslations("advocates"), getTranslations("labels")]);
  const id = parseId((await params).id);
  const row = id ? await getCustomer(db, { id }) : undefined;
  if (!row) notFound();
  const { customer } = row;
  return (
    <div className="space-y-6">
      <Link href="/advocates" className="text-sm font-medium text-slate-600 hover:underline">
        {t("advocate.back")}
      </Link>
      <PageHeader
        title={customer.name}
        description={t("advocate.description", {
          milestone: milestoneLabel(tl, customer.milestone),
          company: customer.company ?? t("advocate.noCompany"),
        })}
        actions={
          <Link href={`/customers/${customer.id}`} className="text-sm font-medium text-brand-700 underline">
            {t("advocate.customerPage")}
          </Link>
        }
      />
      <Suspense fallback={<Skeleton className="h-32" />}>
        <AdvocateRoles customer={customer} member={member} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-64" />}>
        <AdvocateActivity customer={customer} member={member} />
      </Suspense>
    </div>
  );
}
