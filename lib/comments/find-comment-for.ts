import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import { type CommentTarget, commentWhereFor } from "./comment-scope";

/** A comment the user may read, with its target (measure and report); NOT_FOUND otherwise. */
export async function findCommentFor(tx: Prisma.TransactionClient, user: SessionUser, commentId: string) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, ...commentWhereFor(user) },
    include: {
      mentions: { select: { userId: true } },
      measure: { select: { id: true, code: true, leadUnitId: true, cooperatingUnits: { select: { unitId: true } } } },
      report: { select: { id: true, unitId: true, state: true, period: true } },
    },
  });
  if (!comment) throw new AppError("NOT_FOUND");
  const target: CommentTarget = {
    measure: {
      id: comment.measure.id,
      code: comment.measure.code,
      leadUnitId: comment.measure.leadUnitId,
      cooperatingUnitIds: comment.measure.cooperatingUnits.map((row) => row.unitId),
    },
    report: comment.report && { ...comment.report, period: comment.report.period.toISOString().slice(0, 7) },
  };
  return { comment, target };
}
