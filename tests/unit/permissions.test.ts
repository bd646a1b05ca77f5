import { describe, expect, it } from "vitest";
import { can, permissionTable, roles, scopeOf } from "@/lib/auth/permissions";

const own = "unit-own";
const other = "unit-other";
const as = (role: (typeof roles)[number]) => ({ role, unitId: own });

describe("[AUTH] the role table says what the roles are", () => {
  it("everyone reads everything", () => {
    for (const role of roles) expect(can(as(role), "measure.read", [other])).toBe(true);
  });

  it("admin manages users, units and the catalogue; nobody else does", () => {
    for (const permission of ["user.manage", "unit.manage", "catalogue.manage"] as const) {
      expect(roles.filter((role) => can(as(role), permission))).toEqual(["ADMIN"]);
    }
  });

  it("leaders and inspectors review reports; only inspectors decide extensions", () => {
    expect(roles.filter((role) => can(as(role), "report.review"))).toEqual(["LEADER", "INSPECTOR"]);
    expect(roles.filter((role) => can(as(role), "extension.decide"))).toEqual(["INSPECTOR"]);
  });

  it("officials edit and report only on measures of their own unit", () => {
    for (const permission of ["measure.editOwner", "report.write", "extension.request"] as const) {
      expect(scopeOf("OFFICIAL", permission)).toBe("ownUnit");
      expect(can(as("OFFICIAL"), permission, [own])).toBe(true);
      expect(can(as("OFFICIAL"), permission, [other, own])).toBe(true);
      expect(can(as("OFFICIAL"), permission, [other])).toBe(false);
      expect(can({ role: "OFFICIAL", unitId: null }, permission, [other])).toBe(false);
    }
  });

  it("leaders do not edit measure facts; viewers change nothing but their own account (password, API tokens, notifications)", () => {
    expect(can(as("LEADER"), "measure.editOwner", [own])).toBe(false);
    const viewerPermissions = Object.keys(permissionTable).filter((permission) =>
      can(as("VIEWER"), permission as keyof typeof permissionTable),
    );
    expect(viewerPermissions.sort()).toEqual(["account.changeOwnPassword", "account.endOwnSessions", "account.manageOwnTokens", "account.notifications", "attachment.read", "measure.read", "notice.read"]);
  });
});
