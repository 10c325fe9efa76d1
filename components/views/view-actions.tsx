"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage, fieldErrors, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { VIEW_NAME_MAX } from "@/lib/saved-views";
import { deleteViewAction, renameViewAction, setViewPinnedAction } from "@/server/views/actions";

const SMALL = "px-2 py-1 text-xs";

export function PinViewButton({ view }: { view: { id: number; name: string; pinned: boolean } }) {
  const t = useTranslations("account.views");
  const form = useActionForm(setViewPinnedAction);
  return (
    <form onSubmit={form.onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="viewId" value={view.id} />
      <input type="hidden" name="pinned" value={view.pinned ? "false" : "true"} />
      <button
        type="submit"
        disabled={form.pending}
        aria-label={view.pinned ? t("unpinLabel", { name: view.name }) : t("pinLabel", { name: view.name })}
        className={buttonClass("secondary", SMALL)}
      >
        {view.pinned ? t("unpin") : t("pin")}
      </button>
      {form.state && !form.state.ok ? <FormMessage state={form.state} /> : null}
    </form>
  );
}

export function DeleteViewButton({ view }: { view: { id: number; name: string; ownerName?: string } }) {
  const t = useTranslations("account.views");
  const form = useActionForm(deleteViewAction, {
    confirm: view.ownerName
      ? t("deleteSharedConfirm", { name: view.name, owner: view.ownerName })
      : t("deleteOwnConfirm", { name: view.name }),
  });
  return (
    <form onSubmit={form.onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="viewId" value={view.id} />
      <button
        type="submit"
        disabled={form.pending}
        aria-label={t("deleteLabel", { name: view.name })}
        className={buttonClass("secondary", SMALL)}
      >
        {t("delete")}
      </button>
      {form.state && !form.state.ok ? <FormMessage state={form.state} /> : null}
    </form>
  );
}

/** "Rename" opens a one-field form in place; saved or cancelled, it folds back. */
export function RenameView({ view }: { view: { id: number; name: string } }) {
  const t = useTranslations("account.views");
  const [editing, setEditing] = useState(false);
  const form = useActionForm(renameViewAction, { onSuccess: () => setEditing(false) });
  if (!editing)
    return (
      <button
        type="button"
        aria-label={t("renameLabel", { name: view.name })}
        onClick={() => setEditing(true)}
        className={buttonClass("secondary", SMALL)}
      >
        {t("rename")}
      </button>
    );
  return (
    <form onSubmit={form.onSubmit} aria-label={t("renameLabel", { name: view.name })} className="mt-2 w-full space-y-1">
      <input type="hidden" name="viewId" value={view.id} />
      <TextField
        id={`rename-view-${view.id}`}
        name="name"
        label={t("newName")}
        defaultValue={view.name}
        maxLength={VIEW_NAME_MAX}
        autoFocus
        errors={fieldErrors(form.state).name}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            setEditing(false);
          }
        }}
      />
      <div className="flex items-center gap-2">
        <SubmitButton pending={form.pending} pendingText={t("saving")}>
          {t("saveName")}
        </SubmitButton>
        <button type="button" onClick={() => setEditing(false)} className={buttonClass("ghost")}>
          {t("cancel")}
        </button>
      </div>
      {form.state && !form.state.ok ? <FormMessage state={form.state} /> : null}
    </form>
  );
}
