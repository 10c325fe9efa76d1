"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { buttonClass } from "@/components/ui/button";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  // In production the error's text never reaches the browser: ask the health check whether the database is the cause.
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => setDatabaseDown(response.status === 503),
      () => setDatabaseDown(false),
    );
  }, [error]);
  const retry = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);

  if (databaseDown) return <DatabaseUnavailable onRecovered={retry} />;
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-red-50 p-6 text-center">
      <h1 className="text-lg font-semibold text-red-900">This view could not be loaded</h1>
      <p className="mt-2 text-sm text-red-800">
        Something went wrong on our side. Your data is safe; try again in a moment.
      </p>
      {error.digest ? <p className="mt-2 text-xs text-red-700">Reference: {error.digest}</p> : null}
      <button type="button" onClick={retry} className={buttonClass("danger", "mt-4")}>
        Try again
      </button>
    </div>
  );
}
