import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { saveReport } from "@/lib/reports/save-report";
import type { SaveReportInput } from "@/lib/reports/schemas";
import { todayInChina } from "@/lib/tracking/dates";
import { getReport } from "./get-report";

/**
 * Saves or submits the caller's report through the measure page's own
 * use-case (saveReport: unit scope, state machine, one report per month, audit).
 */
export async function createReport(db: PrismaClient, user: SessionUser, input: SaveReportInput, today = todayInChina()) {
  const { reportId } = await saveReport(db, user, input, today);
  return getReport(db, user, reportId);
}
