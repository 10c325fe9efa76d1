"use client";

import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { type SavedViewList, showsView, viewHref } from "@/lib/saved-views";

type PinnedView = { id: number; name: string; list: SavedViewList; query: string };

/**
 * Pinned views as navigation links; the one whose filters are on screen is the current page. Plain
 * links: a full load, as the lists' GET filter forms do, so their fields show the view's values.
 */
export function PinnedViewLinks({ views }: { views: PinnedView[] }) {
  const t = useTranslations("account.views");
  const pathname = usePathname();
  const search = useSearchParams();
  return (
    <div className="mt-6">
      <h2 id="pinned-views-heading" className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {t("pinnedHeading")}
      </h2>
      <ul aria-labelledby="pinned-views-heading" className="mt-1 space-y-1">
        {views.map((view) => {
          const current = showsView(view, pathname, search);
          return (
            <li key={view.id}>
              <a
                href={viewHref(view)}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-1.5 text-sm ${
                  current ? "bg-brand-100 font-medium text-brand-900" : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                {view.name}
                <span className="block text-xs text-slate-500">{t(`lists.${view.list}`)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
