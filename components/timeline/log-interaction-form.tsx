"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
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
    event: null,
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
    answer: null,
  };
}

/**
 * Logs an interaction; the entry appears on the timeline at once (optimistically) while it saves,
 * stays once saved, and the page then refreshes itself: the action answers with its result only
 * (server/actions/run.ts), so the form is free again as soon as the row is written.
 */
export function LogInteractionForm({
  customerId,
  types,
  actorName,
  onOptimistic,
  onSaved,
  focusOnArrival = false,
}: {
  customerId: number;
  types: InteractionTypeOption[];
  actorName: string;
  onOptimistic: (entry: TimelineEntry) => void;
  /** The entry is saved with this id; the refreshed page will hold it. */
  onSaved: (entry: TimelineEntry) => void;
  /** The page was opened to log an interaction (the command palette's "Log interaction for …"). */
  focusOnArrival?: boolean;
}) {
  const t = useTranslations("timeline.logForm");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const shownWhileSaving = useRef<TimelineEntry | null>(null);
  const { state, pending, onSubmit } = useActionForm(logInteractionAction, {
    prepare: withOccurredAt,
    requestKey: true,
    optimistic(formData) {
      const type = types.find((one) => one.key === formData.get("typeKey"));
      const when = new Date(String(formData.get("occurredAt")));
      shownWhileSaving.current = null;
      if (type && String(formData.get("summary") ?? "").trim() && !Number.isNaN(when.getTime())) {
        shownWhileSaving.current = optimisticEntry(formData, type, actorName);
        onOptimistic(shownWhileSaving.current);
      }
    },
  });

  // Before the browser paints the commit that drops the optimistic entry, so it never blinks out.
  // Kept apart from the effect below: this one runs again whenever `onSaved` changes (each
  // refreshed page), and a refresh there would refresh for ever.
  useLayoutEffect(() => {
    const entry = shownWhileSaving.current;
    const id = state?.ok ? Number((state.data as { id?: number } | undefined)?.id) : 0;
    if (!state?.ok || !entry) return;
    shownWhileSaving.current = null;
    if (id > 0) onSaved({ ...entry, id, key: `saved-${id}` });
  }, [state, onSaved]);

  useEffect(() => {
    if (!state?.ok) return;
    formRef.current?.reset();
    if (!state.pageIncluded) router.refresh();
  }, [state, router]);

  useEffect(() => {
    const first = formRef.current?.elements.namedItem("typeKey");
    if (focusOnArrival && first instanceof HTMLSelectElement) first.focus();
  }, [focusOnArrival]);

  return (
    <form
      ref={formRef}
      id="log-interaction"
      onSubmit={onSubmit}
      aria-label={t("label")}
      className="rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      <h2 className="mb-3 text-sm font-semibold text-slate-700">{t("heading")}</h2>
      <input type="hidden" name="customerId" value={customerId} />
      <InteractionFields types={types} errors={fieldErrors(state)} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingText={t("logging")}>
          {t("submit")}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
