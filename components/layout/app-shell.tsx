import { useTranslations } from "next-intl";
import { type ReactNode, Suspense } from "react";
import { Bell } from "@/components/notifications/bell";
import { signOutAction } from "@/server/auth/actions";
import type { SessionMember } from "@/lib/permissions";
import { can } from "@/lib/permissions";
import { Icon } from "@/components/ui/icon";
import { NavLinks } from "./nav-links";
import { buttonClass } from "@/components/ui/button";
import { PinnedViews } from "@/components/views/pinned-views";
import type { CustomerAction, PaletteLink } from "@/lib/command-palette";
import { CommandPalette } from "./command-palette";
import { navItemsFor, settingsSectionsFor } from "./nav-items";

/** What the command palette offers this role besides customers: the pages it can open and the actions it may take. */
function paletteChoices(member: SessionMember, t: ReturnType<typeof useTranslations<"common">>) {
  const pages: PaletteLink[] = [
    ...navItemsFor(member.role, t)
      .filter((item) => !item.href.startsWith("/settings"))
      .map(({ href, label }) => ({ href, label })),
    ...settingsSectionsFor(member.role, t).map(({ href, label }) => ({
      href,
      label: t("appShell.settingsPage", { section: label }),
    })),
  ];
  const actions: PaletteLink[] = [
    ...(can(member.role, "customers.write") ? [{ href: "/customers/new", label: t("appShell.newCustomer") }] : []),
    ...(can(member.role, "settings.manage") ? [{ href: "/settings/data", label: t("appShell.importCsv") }] : []),
  ];
  const customerActions: CustomerAction[] = [
    ...(can(member.role, "interactions.write") ? (["interaction"] as const) : []),
    ...(can(member.role, "tasks.write") ? (["task"] as const) : []),
  ];
  return { pages, actions, customerActions };
}

export function AppShell({ member, children }: { member: SessionMember; children: ReactNode }) {
  const t = useTranslations("common");
  const tl = useTranslations("labels");
  const palette = paletteChoices(member, t);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
      >
        {t("appShell.skipToContent")}
      </a>
      <nav
        aria-label={t("appShell.mainNav")}
        className="relative shrink-0 border-b border-slate-200 bg-white p-4 md:w-56 md:border-b-0 md:border-r"
      >
        <p className="flex items-center gap-2 px-3 text-lg font-semibold md:mb-6">
          <Icon name="hourglass" className="h-6 w-6 text-brand-600" /> {t("appName")}
        </p>
        <NavLinks items={navItemsFor(member.role, t)}>
          <Suspense fallback={null}>
            <PinnedViews memberId={member.id} />
          </Suspense>
        </NavLinks>
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <CommandPalette {...palette} />
          <div className="ml-auto flex items-center gap-4">
            {/* The bell's own size while it loads: arriving in an empty slot, it pushed the page down on a phone. */}
            <Suspense fallback={<span aria-hidden className="block h-9 w-9" />}>
              <Bell memberId={member.id} />
            </Suspense>
            <div className="text-right text-sm" data-testid="current-member">
              <p className="font-medium text-slate-900">{member.name}</p>
              <p className="text-slate-500">{tl(`roles.${member.role}`)}</p>
            </div>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("secondary")}>
                {t("appShell.signOut")}
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
