import { type ReactNode, Suspense } from "react";
import { Bell } from "@/components/notifications/bell";
import { signOutAction } from "@/server/auth/actions";
import type { SessionMember } from "@/lib/permissions";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { Icon } from "@/components/ui/icon";
import { type NavItem, NavLinks } from "./nav-links";
import { buttonClass } from "@/components/ui/button";

const NAV: NavItem[] = [
  { href: "/", label: "Overview", icon: "overview" },
  { href: "/tasks", label: "My day", icon: "tasks" },
  { href: "/journey", label: "Journey", icon: "journey" },
  { href: "/risk", label: "Risk", icon: "risk" },
  { href: "/customers", label: "Customers", icon: "customers" },
  { href: "/delight", label: "Delight", icon: "delight" },
  { href: "/advocates", label: "Advocates", icon: "advocates" },
  { href: "/settings", label: "Settings", icon: "settings" },
];

export function AppShell({ member, children }: { member: SessionMember; children: ReactNode }) {
  // Settings opens on the team for managers and admins, on one's own notifications for everyone else.
  const items = NAV.map((item) =>
    item.href === "/settings" && !can(member.role, "settings.read")
      ? { ...item, href: "/settings/notifications" }
      : item,
  );
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <nav
        aria-label="Main"
        className="relative shrink-0 border-b border-slate-200 bg-white p-4 md:w-56 md:border-b-0 md:border-r"
      >
        <p className="flex items-center gap-2 px-3 text-lg font-semibold md:mb-6">
          <Icon name="hourglass" className="h-6 w-6 text-brand-600" /> Hourglass
        </p>
        <NavLinks items={items} />
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <div className="ml-auto flex items-center gap-4">
            <Suspense fallback={null}>
              <Bell memberId={member.id} />
            </Suspense>
            <div className="text-right text-sm" data-testid="current-member">
              <p className="font-medium text-slate-900">{member.name}</p>
              <p className="text-slate-500">{ROLE_LABELS[member.role]}</p>
            </div>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("secondary")}>
                Sign out
              </button>
            </form>
          </div>
        </header>
        <main id="main" className="flex-1 p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
