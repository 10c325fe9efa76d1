"use client";

import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage, fieldErrors, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { type SavedViewList, showsView, VIEW_NAME_MAX, viewHref } from "@/lib/saved-views";
import type { ViewSummary } from "@/server/views/queries";
import { saveViewAction } from "@/server/views/actions";
import { DeleteViewButton, PinViewButton, RenameView } from "./view-actions";

type Panel = "views" | "save" | null;

/**
 * Beside a list's filters: "Views" opens the member's views and the team's shared ones (each a
 * link to the list with its filters), "Save view" keeps the filters and sort on screen under a
 * name. Escape folds an open panel and puts focus back on its button.
 */
export function SavedViewsBar({
  list,
  mine,
  shared,
  canShare,
  canDeleteShared,
}: {
  list: SavedViewList;
  mine: ViewSummary[];
  shared: ViewSummary[];
  canShare: boolean;
  canDeleteShared: boolean;
}) {
  const t = useTranslations("account.views");
  const [open, setOpen] = useState<Panel>(null);
  const viewsButton = useRef<HTMLButtonElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const toggle = (panel: Panel) => setOpen((current) => (current === panel ? null : panel));
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || open === null) return;
    event.preventDefault();
    (open === "views" ? viewsButton : saveButton).current?.focus();
    setOpen(null);
  }
  const count = mine.length + shared.length;
  return (
    <div className="mb-4" onKeyDown={closeOnEscape}>
      <div className="flex flex-wrap items-center gap-2">
        <button
          ref={viewsButton}
          type="button"
          aria-expanded={open === "views"}
          aria-controls={`${id}-views`}
          onClick={() => toggle("views")}
          className={buttonClass("secondary", "px-3 py-1.5")}
        >
          {t("viewsButton", { count })}
        </button>
        <button
          ref={saveButton}
          type="button"
          aria-expanded={open === "save"}
          aria-controls={`${id}-save`}
          onClick={() => toggle("save")}
          className={buttonClass("secondary", "px-3 py-1.5")}
        >
          {t("saveButton")}
        </button>
      </div>
      <div id={`${id}-views`} hidden={open !== "views"}>
        {open === "views" ? <ViewsPanel mine={mine} shared={shared} canDeleteShared={canDeleteShared} /> : null}
      </div>
      <div id={`${id}-save`} hidden={open !== "save"}>
        {open === "save" ? <SaveViewForm list={list} canShare={canShare} /> : null}
      </div>
    </div>
  );
}

function PanelBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section aria-label={label} className="mt-2 max-w-xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {children}
    </section>
  );
}

function ViewsPanel({
  mine,
  shared,
  canDeleteShared,
}: {
  mine: ViewSummary[];
  shared: ViewSummary[];
  canDeleteShared: boolean;
}) {
  const t = useTranslations("account.views");
  if (mine.length === 0 && shared.length === 0)
    return (
      <PanelBox label={t("panelLabel")}>
        <p className="text-sm text-slate-600">
          {t.rich("noneForList", { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </PanelBox>
    );
  return (
    <PanelBox label={t("panelLabel")}>
      <h2 className="text-xs font-semibold uppercase text-slate-500">{t("mine")}</h2>
      {mine.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("mineEmpty")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100" aria-label={t("mine")}>
          {mine.map((view) => (
            <li key={view.id} className="flex flex-wrap items-center gap-2 py-2">
              <ViewLink view={view} />
              {view.visibility === "shared" ? <Badge>{t("sharedBadge")}</Badge> : null}
              {view.pinned ? <Badge>{t("pinnedBadge")}</Badge> : null}
              <span className="ml-auto flex flex-wrap items-center gap-1">
                <PinViewButton view={view} />
                <RenameView view={view} />
                <DeleteViewButton view={view} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-4 text-xs font-semibold uppercase text-slate-500">{t("shared")}</h2>
      {shared.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("sharedEmpty")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100" aria-label={t("shared")}>
          {shared.map((view) => (
            <li key={view.id} className="flex flex-wrap items-center gap-2 py-2">
              <ViewLink view={view} />
              <span className="text-xs text-slate-500">{t("byOwner", { name: view.ownerName })}</span>
              {canDeleteShared ? (
                <span className="ml-auto">
                  <DeleteViewButton view={view} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </PanelBox>
  );
}

function ViewLink({ view }: { view: ViewSummary }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const current = showsView(view, pathname, search);
  // A full page load, as applying the filter form is: the lists' filter fields keep their old
  // values on a client-side navigation (they are uncontrolled, read once from the URL).
  return (
    <a
      href={viewHref(view)}
      aria-current={current ? "page" : undefined}
      className={`text-sm font-medium text-brand-700 hover:underline ${current ? "underline" : ""}`}
    >
      {view.name}
    </a>
  );
}

function Badge({ children }: { children: ReactNode }) {
  return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{children}</span>;
}

function SaveViewForm({ list, canShare }: { list: SavedViewList; canShare: boolean }) {
  const t = useTranslations("account.views");
  const search = useSearchParams();
  const form = useActionForm(saveViewAction, {
    // The filters on screen when the button is pressed (the server keeps only the list's own).
    prepare: (formData) => {
      formData.set("query", search.toString());
      return formData;
    },
    onSuccess: (element) => element.reset(),
  });
  const errors = fieldErrors(form.state);
  const id = `view-name-${list}`;
  return (
    <PanelBox label={t("saveLabel")}>
      <form onSubmit={form.onSubmit} aria-label={t("saveLabel")} className="space-y-2">
        <input type="hidden" name="list" value={list} />
        <p className="text-sm text-slate-600">{t("saveIntro", { list: t(`lists.${list}`) })}</p>
        <TextField
          id={id}
          name="name"
          label={t("name")}
          maxLength={VIEW_NAME_MAX}
          placeholder={t("namePlaceholder")}
          autoFocus
          errors={errors.name}
        />
        {canShare ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="shared" /> {t("shareWithTeam")}
          </label>
        ) : (
          <p className="text-xs text-slate-500">{t("saveAloneHint")}</p>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="pinned" /> {t("pinInNavigation")}
        </label>
        <div className="flex items-center gap-3">
          <SubmitButton pending={form.pending} pendingText={t("saving")}>
            {t("save")}
          </SubmitButton>
          <FormMessage state={form.state} />
        </div>
      </form>
    </PanelBox>
  );
}
