import type { IconName } from "@/components/ui/icon";
import { can, type MemberRole, type Permission } from "@/lib/permissions";

export type NavItem = { href: string; label: string; icon: IconName };

const NAV: (NavItem & { permission?: Permission })[] = [
  { href: "/", label: "Overview", icon: "overview" },
  { href: "/tasks", label: "My day", icon: "tasks" },
  { href: "/journey", label: "Journey", icon: "journey" },
  { href: "/risk", label: "Risk", icon: "risk" },
  { href: "/customers", label: "Customers", icon: "customers" },
  { href: "/revenue", label: "Revenue", icon: "revenue", permission: "revenue.read" },
  { href: "/delight", label: "Delight", icon: "delight" },
  { href: "/advocates", label: "Advocates", icon: "advocates" },
  { href: "/settings", label: "Settings", icon: "settings" },
];

/** The main navigation for a role: Settings opens on the team for managers and admins, on one's own notifications for everyone else. */
export function navItemsFor(role: MemberRole): NavItem[] {
  return NAV.filter((item) => !item.permission || can(role, item.permission)).map(({ href, label, icon }) =>
    href === "/settings" && !can(role, "settings.read")
      ? { href: "/settings/notifications", label, icon }
      : { href, label, icon },
  );
}

const SETTINGS_SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: "/settings/account", label: "Your account", permission: "account.own" },
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

/** The settings sections a role may open. */
export function settingsSectionsFor(role: MemberRole): { href: string; label: string }[] {
  return SETTINGS_SECTIONS.filter((section) => can(role, section.permission)).map(({ href, label }) => ({
    href,
    label,
  }));
}
