import type { useTranslations } from "next-intl";
import type { IconName } from "@/components/ui/icon";
import { can, type MemberRole, type Permission } from "@/lib/permissions";
import type en from "@/messages/en";

export type NavItem = { href: string; label: string; icon: IconName };

/** The "common" namespace's translator: `useTranslations("common")` or `getTranslations("common")`. */
type T = ReturnType<typeof useTranslations<"common">>;
type NavKey = keyof (typeof en)["common"]["nav"]["items"];
type SectionKey = keyof (typeof en)["common"]["settingsNav"]["sections"];

const NAV: { href: string; key: NavKey; icon: IconName; permission?: Permission }[] = [
  { href: "/", key: "overview", icon: "overview" },
  { href: "/tasks", key: "tasks", icon: "tasks" },
  { href: "/journey", key: "journey", icon: "journey" },
  { href: "/risk", key: "risk", icon: "risk" },
  { href: "/customers", key: "customers", icon: "customers" },
  { href: "/revenue", key: "revenue", icon: "revenue", permission: "revenue.read" },
  { href: "/delight", key: "delight", icon: "delight" },
  { href: "/advocates", key: "advocates", icon: "advocates" },
  { href: "/settings", key: "settings", icon: "settings" },
];

/** The main navigation for a role: Settings opens on the team for managers and admins, on one's own notifications for everyone else. */
export function navItemsFor(role: MemberRole, t: T): NavItem[] {
  return NAV.filter((item) => !item.permission || can(role, item.permission)).map(({ href, key, icon }) => {
    const label = t(`nav.items.${key}`);
    return href === "/settings" && !can(role, "settings.read")
      ? { href: "/settings/notifications", label, icon }
      : { href, label, icon };
  });
}

const SETTINGS_SECTIONS: { href: string; key: SectionKey; permission: Permission }[] = [
  { href: "/settings/account", key: "account", permission: "account.own" },
  { href: "/settings/notifications", key: "notifications", permission: "notifications.own" },
  { href: "/settings", key: "team", permission: "settings.read" },
  { href: "/settings/scoring", key: "scoring", permission: "settings.read" },
  { href: "/settings/playbooks", key: "playbooks", permission: "settings.read" },
  { href: "/settings/outbox", key: "outbox", permission: "settings.read" },
  { href: "/settings/journey", key: "journey", permission: "settings.read" },
  { href: "/settings/roles", key: "roles", permission: "settings.read" },
  { href: "/settings/api", key: "api", permission: "settings.read" },
  { href: "/settings/data", key: "data", permission: "settings.read" },
  { href: "/settings/audit", key: "audit", permission: "audit.read" },
];

/** The settings sections a role may open, named in the reader's language. */
export function settingsSectionsFor(role: MemberRole, t: T): { href: string; label: string }[] {
  return SETTINGS_SECTIONS.filter((section) => can(role, section.permission)).map(({ href, key }) => ({
    href,
    label: t(`settingsNav.sections.${key}`),
  }));
}
