"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { deleteInteractionAction, editInteractionAction } from "@/server/ledger/actions";
import { fieldErrors, FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import type { TimelineEntry } from "@/server/customers/timeline";
import type { ActionResult } from "@/server/actions/execute";
import { InteractionFields, withOccurredAt } from "./interaction-fields";
import { buttonClass } from "@/components/ui/button";

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

/** Edit and delete for an interaction the member may still change (own, within 24 hours; admins any). */
export function EntryActions({ entry, types }: { entry: TimelineEntry; types: InteractionTypeOption[] }) {
  const t = useTranslations("timeline.actions");
  const [mode, setMode] = useState<"idle" | "edit" | "delete">("idle");
  const edit = useActionForm(
    async (previous: ActionResult | null, formData: FormData) => {
      const result = await editInteractionAction(previous, formData);
      if (result.ok) setMode("idle");
      return result;
    },
    { prepare: withOccurredAt },
  );
  const remove = useActionForm(deleteInteractionAction);

  const type = types.find((one) => one.key === entry.typeKey);
  if (mode === "edit") {
    return (
      <form
        onSubmit={edit.onSubmit}
        aria-label={t("editForm")}
        className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3"
        noValidate
      >
        <input type="hidden" name="interactionId" value={entry.id} />
        <InteractionFields
          idPrefix={`edit-${entry.id}-`}
          types={types}
          errors={fieldErrors(edit.state)}
          defaults={{
            typeKey: entry.typeKey ?? undefined,
            occurredAt: toLocalInput(entry.at),
            channel: entry.channel ?? undefined,
            direction: entry.direction ?? undefined,
            summary: entry.detail ?? "",
            weight: entry.weight !== null && entry.weight !== type?.weight ? String(entry.weight) : "",
          }}
        />
        <div className="flex items-center gap-3">
          <SubmitButton pending={edit.pending} pendingText={t("saving")}>
            {t("save")}
          </SubmitButton>
          <button type="button" onClick={() => setMode("idle")} className={buttonClass("link")}>
            {t("cancel")}
          </button>
          <FormMessage state={edit.state} />
        </div>
      </form>
    );
  }
  if (mode === "delete") {
    return (
      <form onSubmit={remove.onSubmit} className="mt-2 flex items-center gap-3">
        <input type="hidden" name="interactionId" value={entry.id} />
        <span className="text-sm text-slate-700">{t("deleteQuestion")}</span>
        <SubmitButton variant="danger" pending={remove.pending} pendingText={t("deleting")}>
          {t("delete")}
        </SubmitButton>
        <button type="button" onClick={() => setMode("idle")} className={buttonClass("link")}>
          {t("keep")}
        </button>
        <FormMessage state={remove.state} />
      </form>
    );
  }
  return (
    <span className="flex gap-3">
      <button type="button" onClick={() => setMode("edit")} className={buttonClass("link", "text-xs")}>
        {t("edit")}
      </button>
      <button type="button" onClick={() => setMode("delete")} className={buttonClass("link", "text-xs")}>
        {t("delete")}
      </button>
    </span>
  );
}
