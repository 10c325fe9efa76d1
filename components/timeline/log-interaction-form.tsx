"use client";

import { useEffect, useRef } from "react";
import { logInteractionAction } from "@/server/ledger/actions";
import { fieldErrors, FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import type { TimelineEntry } from "@/server/customers/timeline";
import { InteractionFields, withOccurredAt } from "./interaction-fields";

function optimisticEntry(formData: FormData, type: InteractionTypeOption, actorName: string): TimelineEntry {
  const at = String(formData.get("occurredAt"));
  const weightText = String(formData.get("weight") ?? "").trim();
  return {
    key: `pending-${Date.now()}`,
    kind: "interaction",
    id: 0,
    at,
    createdAt: at,
    title: type.label,
    detail: String(formData.get("summary") ?? ""),
    weight: weightText === "" ? type.weight : Number(weightText),
    channel: String(formData.get("channel")),
    direction: String(formData.get("direction")),
    actorId: null,
    actorName,
    typeKey: type.key,
    fromMilestone: null,
    toMilestone: null,
    recent: true,
    answeredBy: null,
  };
}

/** Logs an interaction; the entry appears on the timeline at once (optimistically) while it saves. */
export function LogInteractionForm({
  customerId,
  types,
  actorName,
  onOptimistic,
  focusOnArrival = false,
}: {
  customerId: number;
  types: InteractionTypeOption[];
  actorName: string;
  onOptimistic: (entry: TimelineEntry) => void;
  /** The page was opened to log an interaction (the command palette's "Log interaction for …"). */
  focusOnArrival?: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit } = useActionForm(logInteractionAction, {
    prepare: withOccurredAt,
    requestKey: true,
    optimistic(formData) {
      const type = types.find((t) => t.key === formData.get("typeKey"));
      const when = new Date(String(formData.get("occurredAt")));
      if (type && String(formData.get("summary") ?? "").trim() && !Number.isNaN(when.getTime()))
        onOptimistic(optimisticEntry(formData, type, actorName));
    },
  });

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  useEffect(() => {
    const first = formRef.current?.elements.namedItem("typeKey");
    if (focusOnArrival && first instanceof HTMLSelectElement) first.focus();
  }, [focusOnArrival]);

  return (
    <form
      ref={formRef}
      id="log-interaction"
      onSubmit={onSubmit}
      aria-label="Log an interaction"
      className="rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      <h2 className="mb-3 text-sm font-semibold text-slate-700">Log an interaction</h2>
      <input type="hidden" name="customerId" value={customerId} />
      <InteractionFields types={types} errors={fieldErrors(state)} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingText="Logging…">
          Log interaction
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
