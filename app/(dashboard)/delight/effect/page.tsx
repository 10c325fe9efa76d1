import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { DelightEffect } from "@/components/delight/delight-effect";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageMember } from "@/server/auth/session";

export const metadata = { title: "Did the delight work?" };

export default async function DelightEffectPage() {
  await requirePageMember();
  return (
    <>
      <PageHeader
        title="Did the delight work?"
        description="Customers whose complaint, bug or error was answered with a delight moment, against matched customers whose same kind of debit went unanswered: the same kind of debit, MRR band and stage at the time, and a balance within one point."
        actions={
          <Link href="/delight" className="text-sm font-medium text-brand-700 underline">
            Back to the delight queue
          </Link>
        }
      />
      <Suspense
        fallback={
          <div className="space-y-3" role="status" aria-live="polite">
            <p className="text-sm text-slate-600">Matching every answered debit of the last year…</p>
            <Skeleton className="h-96" />
          </div>
        }
      >
        <DelightEffect />
      </Suspense>
    </>
  );
}
