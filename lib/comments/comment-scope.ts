import { Prisma } from "@/generated/prisma/client";
import { roles, scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { measureIdWhereSql, measureWhereFor } from "@/lib/measures/measure-where";
import { reportWhereFor, visibleReportsSql } from "@/lib/reports/report-where";

/**
 * The comments a user may read: on measures they may read, and, when on a
 * report, only if they may read that report (a draft's comments are as private
 * as the draft: reportWhereFor).
 */
export function commentWhereFor(user: Pick<SessionUser, "role" | "unitId">): Prisma.CommentWhereInput {
  return {
    measure: measureWhereFor(user, "measure.read"),
    OR: [{ reportId: null }, { report: reportWhereFor(user) }],
  };
}

/**
 * commentWhereFor as SQL on comment `c` with its report `r` LEFT JOINed (null
 * for the measure's own discussion): the same rules, for the raw-SQL read.
 */
export function commentWhereSql(user: Pick<SessionUser, "role" | "unitId">): Prisma.Sql {
  const report = Prisma.sql`(${measureIdWhereSql(user, "measure.read", Prisma.sql`r."measureId"`)} AND ${visibleReportsSql("r", user.unitId)})`;
  return Prisma.sql`${measureIdWhereSql(user, "measure.read", Prisma.sql`c."measureId"`)} AND (c."reportId" IS NULL OR ${report})`;
}

/** What a comment is on: the measure, and maybe one of its reports. */
export type CommentTarget = {
  measure: { id: string; code: string; leadUnitId: string; cooperatingUnitIds: string[] };
  /** `period`: the report's month, "YYYY-MM" (where a notification about its comments leads). */
  report: { id: string; unitId: string; state: string; period: string } | null;
};

/**
 * The measure (and report) a user may comment on: the measure under
 * comment.write, the report only when it is the measure's and the user may read it.
 */
export async function findCommentTarget(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  measureCode: string,
  reportId: string | null,
): Promise<CommentTarget> {
  const found = await findMeasureFor(tx, user, "comment.write", measureCode);
  const cooperating = await tx.measureCooperatingUnit.findMany({ where: { measureId: found.id }, select: { unitId: true } });
  const measure = { id: found.id, code: found.code, leadUnitId: found.leadUnitId, cooperatingUnitIds: cooperating.map((row) => row.unitId) };
  if (!reportId) return { measure, report: null };
  const report = await tx.progressReport.findFirst({
    where: { id: reportId, measureId: found.id, ...reportWhereFor(user) },
    select: { id: true, unitId: true, state: true, period: true },
  });
  if (!report) throw new AppError("NOT_FOUND");
  return { measure, report: { ...report, period: report.period.toISOString().slice(0, 7) } };
}

/**
 * The people who may be mentioned on a target: active users who may read the
 * measure (by their role's measure.read scope) and, for a draft report, only
 * members of the draft's unit (nobody else may read it).
 */
export function mentionCandidatesWhere(target: CommentTarget): Prisma.UserWhereInput {
  const unitIds = [target.measure.leadUnitId, ...target.measure.cooperatingUnitIds];
  const everywhere = roles.filter((role) => scopeOf(role, "measure.read") === "all");
  const ownUnit = roles.filter((role) => scopeOf(role, "measure.read") === "ownUnit");
  const readers: Prisma.UserWhereInput = {
    OR: [{ role: { in: everywhere } }, { role: { in: ownUnit }, unitId: { in: unitIds } }],
  };
  const draft: Prisma.UserWhereInput = target.report?.state === "DRAFT" ? { unitId: target.report.unitId } : {};
  return { active: true, AND: [readers, draft] };
}
