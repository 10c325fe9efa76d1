"use client";

import { Link, useLinkStatus } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Icon } from "@/components/ui/icon";
import type { NavItem } from "./nav-items";

/**
 * A dot on the link just followed while its page is on its way. Pages have no route-level loading
 * skeleton: inside one, a page's content reached the screen only with React's next reveal (300 ms
 * after the first paint) on every full load.
 */
function NavigationPending() {
  const t = useTranslations("common");
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="ml-auto h-2 w-2 animate-pulse rounded-full bg-brand-600">
      <span className="sr-only">{t("loading")}</span>
    </span>
  );
}

/**
 * The main navigation. On a phone it folds behind a "Menu" button (it would otherwise fill the first
 * screen); it folds again on the next page, since it belongs to the page it was opened on.
 */
export function NavLinks({ items, children }: { items: NavItem[]; children?: ReactNode }) {
  const t = useTranslations("common.nav");
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        className="absolute right-4 top-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 md:hidden"
        aria-expanded={open}
        aria-controls="main-nav-links"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {open ? t("close") : t("menu")}
      </button>
      <div id="main-nav-links" className={`mt-4 md:mt-0 ${open ? "" : "hidden"} md:block`}>
        <ul className="space-y-1">
          {items.map((item) => {
            const active =
              item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                    active ? "bg-brand-100 text-brand-900" : "text-slate-700 hover:bg-slate-100"
                  }`}
                >
                  <Icon name={item.icon} />
                  {item.label}
                  <NavigationPending />
                </Link>
              </li>
            );
          })}
        </ul>
        {children}
      </div>
    </>
  );
}
