import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import type { AppErrorCode } from "@/lib/errors/app-error";
import { mapError } from "@/lib/errors/map-error";
import { reviewReport } from "@/lib/reports/review-report";
import type { ApproveReportsInput } from "./schemas";

export interface ApproveReportsResult {
  approved: string[];
  /** Each report that was not approved, and why (e.g. CONFLICT, OWN_REPORT), with the message's values. */
  failed: { reportId: string; code: AppErrorCode; values: Record<string, string> }[];
}

/**
 * Bulk approval from the review queue: each report through the one review use
 * case, in its own transaction, so one refusal (a newer version, one's own
 * report) neither stops nor undoes the others, and is reported, not hidden.
 */
export async function approveReports(db: PrismaClient, user: SessionUser, input: ApproveReportsInput): Promise<ApproveReportsResult> {
  const result: ApproveReportsResult = { approved: [], failed: [] };
  for (const item of input.items) {
    try {
      await reviewReport(db, user, { ...item, decision: "approve", comment: "" });
      result.approved.push(item.reportId);
    } catch (error) {
      const mapped = mapError(error);
      result.failed.push({ reportId: item.reportId, code: mapped.code, values: mapped.values });
    }
  }
  return result;
}
