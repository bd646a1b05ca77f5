import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { wroteReport } from "@/lib/reports/review-report";
import { loadCredibilityFlags } from "./load-flags";
import type { ExplainFlagInput } from "./schemas";

/**
 * Marks a raised flag of a submitted report as explained (or changes the note):
 * only a reviewer (report.review) of a report they did not write, and only a
 * flag the report raises now. Every note is kept in the audit trail.
 */
export async function explainFlag(db: PrismaClient, user: SessionUser, input: ExplainFlagInput) {
  if (!can(user, "report.review")) throw new AppError("FORBIDDEN");
  const report = await db.progressReport.findUnique({ where: { id: input.reportId }, select: { id: true, authorId: true, state: true } });
  if (!report || report.state !== "SUBMITTED") throw new AppError("NOT_FOUND");
  if (await wroteReport(db, user.id, report)) throw new AppError("OWN_REPORT");
  const flags = (await loadCredibilityFlags(db, [report.id])).get(report.id) ?? [];
  if (!flags.some((flag) => flag.rule === input.rule)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const key = { reportId_rule: { reportId: report.id, rule: input.rule } };
    const before = await tx.credibilityExplanation.findUnique({ where: key, select: { note: true } });
    await tx.credibilityExplanation.upsert({
      where: key,
      create: { reportId: report.id, rule: input.rule, note: input.note, explainedById: user.id },
      update: { note: input.note, explainedById: user.id, explainedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "report.explainFlag",
      entityType: "ProgressReport",
      entityId: report.id,
      before: before ? { rule: input.rule, note: before.note } : undefined,
      after: { rule: input.rule, note: input.note },
    });
  });
}
