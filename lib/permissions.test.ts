import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission, ROLES } from "./permissions";

describe("permission matrix", () => {
  it("a viewer reads, and writes nothing but their own password and two-factor, notification preferences and private saved views", () => {
    const own: Permission[] = ["dashboard.read", "account.own", "notifications.own", "views.save"];
    const writes = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !own.includes(p));
    expect(can("viewer", "notifications.own")).toBe(true);
    expect(can("viewer", "views.save")).toBe(true);
    expect(can("viewer", "account.own")).toBe(true);
    expect(can("viewer", "dashboard.read")).toBe(true);
    expect(writes.filter((p) => can("viewer", p))).toEqual([]);
  });

  it("CSMs, managers and admins log interactions; only admins manage members, tokens and settings", () => {
    expect(ROLES.filter((r) => can(r, "interactions.write"))).toEqual(["csm", "manager", "admin"]);
    for (const permission of ["members.manage", "tokens.manage", "settings.manage"] as const) {
      expect(ROLES.filter((r) => can(r, permission))).toEqual(["admin"]);
    }
  });

  it("CSMs and up share saved views with the team; only admins delete other members' shared views", () => {
    expect(ROLES.filter((r) => can(r, "views.share"))).toEqual(["csm", "manager", "admin"]);
    expect(ROLES.filter((r) => can(r, "views.manage"))).toEqual(["admin"]);
  });

  it("managers and admins read the audit log", () => {
    expect(ROLES.filter((r) => can(r, "audit.read"))).toEqual(["manager", "admin"]);
  });
});
