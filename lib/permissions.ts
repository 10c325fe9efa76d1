/** Team roles as stored (the schema's enum): admin, manager, customer success manager, viewer. */
export const MEMBER_ROLES = ["admin", "manager", "csm", "viewer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Who is signed in: what every permission check and audit row needs. */
export type SessionMember = { id: number; name: string; email: string; role: MemberRole };

/** Roles from least to most trusted; a role may do everything the roles before it may. */
export const ROLES: readonly MemberRole[] = ["viewer", "csm", "manager", "admin"];

/**
 * The one permission matrix: each capability and the least role that has it. Pages, server
 * actions and API routes ask `can()` through requireMember; the UI only mirrors it.
 */
export const PERMISSIONS = {
  "dashboard.read": "viewer",
  "notifications.own": "viewer",
  // One's own password and two-factor sign-in.
  "account.own": "viewer",
  // Saved views: anyone keeps private ones; sharing with the team is a CSM's; an admin may remove anyone's shared view.
  "views.save": "viewer",
  "views.share": "csm",
  "customers.write": "csm",
  "interactions.write": "csm",
  "journey.write": "csm",
  "delight.write": "csm",
  "advocacy.write": "csm",
  "tasks.write": "csm",
  "outreach.send": "csm",
  // Revenue: a CSM sees their own book's; managers and admins the whole book's, and any owner's.
  "revenue.read": "csm",
  "revenue.book": "manager",
  "settings.read": "manager",
  "backtest.read": "manager",
  "audit.read": "manager",
  "settings.manage": "admin",
  "playbooks.manage": "admin",
  "members.manage": "admin",
  "tokens.manage": "admin",
  "views.manage": "admin",
  // GDPR articles 15 and 17: everything about one customer as JSON, and erasing them.
  "customers.privacy": "admin",
} as const satisfies Record<string, MemberRole>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: MemberRole, permission: Permission): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(PERMISSIONS[permission]);
}

/** Which customers a triage list (risk, delight queue) shows when the URL names none: a CSM starts with their own. */
export function defaultOwnerScope(role: MemberRole): "mine" | "all" {
  return role === "csm" ? "mine" : "all";
}

export const ROLE_LABELS: Record<MemberRole, string> = {
  admin: "Admin",
  manager: "Manager",
  csm: "Customer success manager",
  viewer: "Viewer",
};
