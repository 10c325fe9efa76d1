"use client";

import { Link } from "@/components/ui/link";
import { createTaskFromSuggestionAction } from "@/server/tasks/actions";
import { useActionForm } from "@/components/ui/use-action-form";

/** One click turns a suggested next step into a task on My day; a step that already is one links there. */
export function SuggestionTaskButton({
  customerId,
  customerName,
  step,
}: {
  customerId: number;
  customerName: string;
  step: { key: string; text: string; task: boolean };
}) {
  const form = useActionForm(createTaskFromSuggestionAction);
  if (step.task || form.state?.ok)
    return (
      <p className="mt-0.5 text-emerald-700" role="status">
        ✓ On{" "}
        <Link href="/tasks?assignee=all" className="underline">
          My day
        </Link>
      </p>
    );
  return (
    <form onSubmit={form.onSubmit} className="mt-0.5">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="suggestionKey" value={step.key} />
      <button
        type="submit"
        disabled={form.pending}
        aria-label={`Make it a task: “${step.text}” for ${customerName}`}
        className="font-medium text-brand-700 underline hover:text-brand-900 disabled:text-slate-400"
      >
        {form.pending ? "Adding…" : "Make it a task"}
      </button>
      {form.state && !form.state.ok ? (
        <span role="alert" className="ml-2 text-red-700">
          {form.state.message}
        </span>
      ) : null}
    </form>
  );
}
