"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

import { settingsSectionsFor } from "@/components/layout/nav-items";
import type { MemberRole } from "@/lib/permissions";

/** The settings sections the member's role may open. */
export function SettingsNav({ role }: { role: MemberRole }) {
  const t = useTranslations("common");
  const pathname = usePathname();
  return (
    <nav aria-label={t("settingsNav.label")} className="flex flex-wrap gap-x-1 border-b border-slate-200">
      {settingsSectionsFor(role, t).map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
