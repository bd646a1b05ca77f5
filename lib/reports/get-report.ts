import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { reportWhereFor } from "./report-where";
import { reportJsonSelect, toReportJson } from "./report-json";

/** One report the user may read; NOT_FOUND otherwise (another unit's draft does not exist for them). */
export async function getReport(db: PrismaClient, user: SessionUser, id: string) {
  const report = await db.progressReport.findFirst({ where: { AND: [{ id }, reportWhereFor(user)] }, select: reportJsonSelect });
  if (!report) throw new AppError("NOT_FOUND");
  return toReportJson(report);
}
