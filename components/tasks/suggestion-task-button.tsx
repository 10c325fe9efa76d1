"use client";

import { Link } from "@/components/ui/link";
import { createTaskFromSuggestionAction } from "@/server/tasks/actions";
import { useActionForm } from "@/components/ui/use-action-form";
import type { useTranslations } from "next-intl";

export type SuggestionWords = ReturnType<typeof useTranslations<"tasks.suggestion">>;

/**
 * One click turns a suggested next step into a task on My day; a step that already is one links
 * there. Worded by the list it stands in (`t`): one translator per list, not one per step.
 */
export function SuggestionTaskButton({
  customerId,
  customerName,
  step,
  t,
}: {
  customerId: number;
  customerName: string;
  step: { key: string; text: string; task: boolean };
  t: SuggestionWords;
}) {
  const form = useActionForm(createTaskFromSuggestionAction);
  if (step.task || form.state?.ok)
    return (
      <p className="mt-0.5 text-emerald-700" role="status">
        {t.rich("onMyDay", {
          link: (chunks) => (
            <Link href="/tasks?assignee=all" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  return (
    <form onSubmit={form.onSubmit} className="mt-0.5">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="suggestionKey" value={step.key} />
      <button
        type="submit"
        disabled={form.pending}
        aria-label={t("makeTaskFor", { step: step.text, customer: customerName })}
        className="font-medium text-brand-700 underline hover:text-brand-900 disabled:text-slate-400"
      >
        {form.pending ? t("adding") : t("makeTask")}
      </button>
      {form.state && !form.state.ok ? (
        <span role="alert" className="ml-2 text-red-700">
          {form.state.message}
        </span>
      ) : null}
    </form>
  );
}
