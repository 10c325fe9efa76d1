import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { DelightEffect } from "@/components/delight/delight-effect";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("delight");
  return { title: t("effect.title") };
}

export default async function DelightEffectPage() {
  await requirePageMember();
  const t = await getTranslations("delight");
  return (
    <>
      <PageHeader
        title={t("effect.title")}
        description={t("effect.description")}
        actions={
          <Link href="/delight" className="text-sm font-medium text-brand-700 underline">
            {t("effect.back")}
          </Link>
        }
      />
      <Suspense
        fallback={
          <div className="space-y-3" role="status" aria-live="polite">
            <p className="text-sm text-slate-600">{t("effect.loading")}</p>
            <Skeleton className="h-96" />
          </div>
        }
      >
        <DelightEffect />
      </Suspense>
    </>
  );
}
