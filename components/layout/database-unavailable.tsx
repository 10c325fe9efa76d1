"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const RETRY_MS = 3_000;

/** Asks /api/health until the database answers again, then renders the page anew. */
function useDatabaseRecovery(onRecovered: () => void) {
  const [checks, setChecks] = useState(0);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const healthy = await fetch("/api/health", { cache: "no-store" }).then(
        (response) => response.ok,
        () => false,
      );
      if (stopped) return;
      setChecks((count) => count + 1);
      if (healthy) {
        stopped = true;
        clearInterval(timer);
        onRecovered();
      }
    }, RETRY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [onRecovered]);
  return checks;
}

/** What a signed-in page shows while PostgreSQL cannot be reached; it comes back by itself. */
export function DatabaseUnavailable({ onRecovered }: { onRecovered?: () => void }) {
  const t = useTranslations("common.databaseUnavailable");
  const router = useRouter();
  const checks = useDatabaseRecovery(onRecovered ?? router.refresh);
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
        <h1 className="text-xl font-semibold text-amber-950">{t("title")}</h1>
        <p className="mt-2 text-sm text-amber-900">{t("body")} </p>
        <p className="mt-3 text-xs text-amber-800" aria-live="polite">
          {checks === 0 ? t("waiting") : t("checked", { count: checks })}
        </p>
      </div>
    </div>
  );
}
