"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { can, type MemberRole, type Permission } from "@/lib/permissions";

const TABS: { href: string; label: string; permission: Permission }[] = [
  { href: "/settings/notifications", label: "Notifications", permission: "notifications.own" },
  { href: "/settings", label: "Team", permission: "settings.read" },
  { href: "/settings/scoring", label: "Scoring", permission: "settings.read" },
  { href: "/settings/playbooks", label: "Playbooks", permission: "settings.read" },
  { href: "/settings/outbox", label: "Outbox", permission: "settings.read" },
  { href: "/settings/journey", label: "Journey models", permission: "settings.read" },
  { href: "/settings/roles", label: "Advocate roles", permission: "settings.read" },
  { href: "/settings/api", label: "API", permission: "settings.read" },
  { href: "/settings/data", label: "Import & export", permission: "settings.read" },
  { href: "/settings/audit", label: "Audit log", permission: "audit.read" },
];

/** The settings sections the member's role may open. */
export function SettingsNav({ role }: { role: MemberRole }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections" className="flex flex-wrap gap-x-1 border-b border-slate-200">
      {TABS.filter((tab) => can(role, tab.permission)).map((tab) => {
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
