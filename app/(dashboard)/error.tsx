"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { buttonClass } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

// When this page last retried by itself: a view that fails again within this time says so instead.
let lastAutomaticRetry = 0;
const AUTOMATIC_RETRY_MS = 10_000;

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.dashboardError");
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [state, setState] = useState<"checking" | "database down" | "failed">("checking");
  const retry = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);
  // In production the error's text never reaches the browser: ask the health check whether the
  // database is the cause. When it is up, try once more by itself: just after the database comes
  // back, a connection the restart cut can fail one render.
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => {
        if (!current) return;
        if (response.status === 503) setState("database down");
        else if (Date.now() - lastAutomaticRetry > AUTOMATIC_RETRY_MS) {
          lastAutomaticRetry = Date.now();
          retry();
        } else setState("failed");
      },
      () => current && setState("failed"),
    );
    return () => {
      current = false;
    };
  }, [error, retry]);

  if (state === "database down") return <DatabaseUnavailable onRecovered={retry} />;
  if (state === "checking") return <Skeleton className="h-64" />;
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-red-50 p-6 text-center">
      <h1 className="text-lg font-semibold text-red-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-red-800">{t("body")}</p>
      {error.digest ? <p className="mt-2 text-xs text-red-700">{t("reference", { digest: error.digest })}</p> : null}
      <button type="button" onClick={retry} className={buttonClass("danger", "mt-4")}>
        {t("retry")}
      </button>
    </div>
  );
}
