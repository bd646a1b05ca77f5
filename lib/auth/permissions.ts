import { Role } from "@/generated/prisma/enums";

/**
 * Who may do what: the one role → permission table. "all" = on any record;
 * "ownUnit" = only on measures where the user's unit is lead or cooperating unit.
 */
export type Scope = "all" | "ownUnit";

export const permissionTable = {
  "measure.read": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "all", VIEWER: "all" },
  /** Owner details of a measure (responsible person). */
  "measure.editOwner": { ADMIN: "all", OFFICIAL: "ownUnit" },
  /** Programmes, areas, measures and milestones as facts. */
  "catalogue.manage": { ADMIN: "all" },
  "user.manage": { ADMIN: "all" },
  "unit.manage": { ADMIN: "all" },
  "report.write": { OFFICIAL: "ownUnit" },
  "report.review": { LEADER: "all", INSPECTOR: "all" },
  /** Download a unit's report sheet (报表回收) and preview its upload; writing the reports still needs report.write. */
  "report.collect": { INSPECTOR: "all", OFFICIAL: "ownUnit" },
  "extension.request": { OFFICIAL: "ownUnit" },
  "extension.decide": { INSPECTOR: "all" },
  /** Add, complete and reschedule milestones. */
  "milestone.manage": { ADMIN: "all", OFFICIAL: "ownUnit" },
  /** Undo a milestone's completion shortly after it (lib/milestones/undo-window.ts): the one who completed it, or an inspector. */
  "milestone.undoComplete": { ADMIN: "all", INSPECTOR: "all", OFFICIAL: "ownUnit" },
  /** Reopen a closed-out (completed) measure. */
  "measure.reopen": { INSPECTOR: "all" },
  /** Reporting day, pace margin, due-soon window. */
  "settings.manage": { ADMIN: "all" },
  /** Unit scores and the ranking (红黑榜), with their breakdown and export. */
  "score.read": { ADMIN: "all", LEADER: "all", INSPECTOR: "all" },
  /** Read 催办 notices (督办单): officials only those addressed to their unit. */
  "notice.read": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "ownUnit", VIEWER: "all" },
  /** Issue a notice on a measure, and escalate one to the next level. */
  "notice.issue": { INSPECTOR: "all" },
  /** Issue a 督查通报 as final, taking its 期号 (number within the year). */
  "bulletin.issue": { ADMIN: "all", INSPECTOR: "all" },
  /** Reply in writing to a notice addressed to one's unit. */
  "notice.reply": { OFFICIAL: "ownUnit" },
  /** Accept a reply (closing the notice) or send it back. */
  "notice.decide": { INSPECTOR: "all" },
  "account.changeOwnPassword": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "all", VIEWER: "all" },
  /** Create, list and revoke one's own personal API tokens. */
  "account.manageOwnTokens": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "all", VIEWER: "all" },
  /** End all of one's own browser sessions ("sign out everywhere"). */
  "account.endOwnSessions": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "all", VIEWER: "all" },
  /** One's own inbox (read, mark read) and notification preferences. */
  "account.notifications": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "all", VIEWER: "all" },
  /** The job queue's state, failed deliveries, events nobody received (/admin/jobs). */
  "jobs.view": { ADMIN: "all" },
  /** Confirm a unit's collected report sheet on the unit's behalf (报表回收): written as submitted, for another inspector to review. */
  "report.submitOnBehalf": { INSPECTOR: "all" },
  /**
   * Take part in a measure's discussion (讨论): comment, mention, edit one's own comment.
   * Everyone who may read the measure except VIEWER (read-only by design); what a comment
   * is on (a draft report) narrows it further (lib/comments/comment-scope.ts).
   * Admins may also delete others' comments (moderation) — lib/comments/delete-comment.ts.
   */
  "comment.write": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "all" },
  /** Open a 佐证材料 file: who may read its measure, and a draft report's files only its own unit (lib/attachments/attachment-where.ts). */
  "attachment.read": { ADMIN: "all", LEADER: "all", INSPECTOR: "all", OFFICIAL: "all", VIEWER: "all" },
  /** Attach or remove files: besides this, the parent's own right (report.write, milestone.manage, extension.request, measure.editOwner) while it is editable. */
  "attachment.write": { ADMIN: "all", OFFICIAL: "ownUnit" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof permissionTable;

/** Actions anyone may use, signed in or not (the login page needs them too). */
export const publicActionNames = ["preferences.setLocale"] as const;
export type PublicActionName = (typeof publicActionNames)[number];

export const roles = Object.values(Role);

/** The scope a role has for a permission, or null when it has none. */
export function scopeOf(role: Role, permission: Permission): Scope | null {
  const grants: Partial<Record<Role, Scope>> = permissionTable[permission];
  return grants[role] ?? null;
}

/**
 * Whether a user may use a permission on a record of the given units
 * (lead + cooperating units of a measure); without units, whether at all.
 */
export function can(
  user: { role: Role; unitId: string | null },
  permission: Permission,
  recordUnitIds?: readonly string[],
): boolean {
  const scope = scopeOf(user.role, permission);
  if (scope === null) return false;
  if (scope === "all" || recordUnitIds === undefined) return true;
  return user.unitId !== null && recordUnitIds.includes(user.unitId);
}
