import type { ReportState, Role } from "@/generated/prisma/enums";
import { scopeOf, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";

/**
 * The life of a monthly report: officials save drafts and submit; a leader or
 * inspector approves it or returns it with a comment; a returned report is
 * corrected and submitted again. Approved is final.
 */
export const reportEvents = ["save", "submit", "approve", "return", "submitOnBehalf"] as const;
export type ReportEvent = (typeof reportEvents)[number];

const transitions: Record<ReportEvent, { from: readonly (ReportState | null)[]; to: ReportState; permission: Permission }> = {
  save: { from: [null, "DRAFT", "RETURNED"], to: "DRAFT", permission: "report.write" },
  submit: { from: [null, "DRAFT", "RETURNED"], to: "SUBMITTED", permission: "report.write" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", permission: "report.review" },
  return: { from: ["SUBMITTED"], to: "RETURNED", permission: "report.review" },
  // An inspector confirming a unit's collected sheet: the unit's reports, submitted for someone else to review.
  submitOnBehalf: { from: [null, "DRAFT", "RETURNED"], to: "SUBMITTED", permission: "report.submitOnBehalf" },
};

export function permissionFor(event: ReportEvent): Permission {
  return transitions[event].permission;
}

/**
 * The state a report moves to; FORBIDDEN when the role may not do this at all,
 * INVALID_STATE when the report is not in a state that allows it.
 * (`null` = no report yet.) Unit scope is checked by the caller's query.
 */
export function nextReportState(current: ReportState | null, event: ReportEvent, role: Role): ReportState {
  const transition = transitions[event];
  if (scopeOf(role, transition.permission) === null) throw new AppError("FORBIDDEN");
  if (!transition.from.includes(current)) throw new AppError("INVALID_STATE");
  return transition.to;
}
