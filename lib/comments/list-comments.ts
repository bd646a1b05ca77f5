import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { commentWhereFor } from "./comment-scope";
import { mayDeleteComment, mayEditComment } from "./edit-window";

/**
 * A measure's comments the user may read (or one report's), oldest first (a
 * thread reads down): the discussion's and those on its reports (grouped by the
 * page under each report). A deleted comment keeps its place without its text.
 */
export async function listComments(db: PrismaClient, user: SessionUser, of: { measureId: string } | { reportId: string }, now: Date) {
  const rows = await db.comment.findMany({
    where: { ...of, ...commentWhereFor(user) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      reportId: true,
      authorId: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      version: true,
      author: { select: { displayName: true, role: true, unit: { select: { nameZh: true, nameEn: true } } } },
      mentions: { select: { user: { select: { id: true, displayName: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    reportId: row.reportId,
    author: { displayName: row.author.displayName, role: row.author.role, unit: row.author.unit },
    body: row.deletedAt ? null : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    version: row.version,
    mentions: row.deletedAt ? [] : row.mentions.map((mention) => mention.user),
    canEdit: mayEditComment(user.id, row, now),
    canDelete: mayDeleteComment(user, row),
  }));
}

export type CommentView = Awaited<ReturnType<typeof listComments>>[number];
