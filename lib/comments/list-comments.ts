import { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { queryRows } from "@/lib/db/sql-rows";
import { commentWhereSql } from "./comment-scope";
import { mayDeleteComment, mayEditComment } from "./edit-window";

type CommentRow = {
  id: string;
  reportId: string | null;
  authorId: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  version: number;
  author: { displayName: string; role: SessionUser["role"]; unit: { nameZh: string; nameEn: string } | null };
  mentions: { id: string; displayName: string }[];
};

/** The comments with their author and mentioned people, in ONE statement (Prisma's select sent five). */
function commentsSql(user: SessionUser, of: { measureId: string } | { reportId: string }): Prisma.Sql {
  const target = "measureId" in of ? Prisma.sql`c."measureId" = ${of.measureId}` : Prisma.sql`c."reportId" = ${of.reportId}`;
  return Prisma.sql`SELECT c.id, c."reportId", c."authorId", c.body, c."createdAt", c."editedAt", c."deletedAt", c.version,
      json_build_object('displayName', au."displayName", 'role', au.role,
        'unit', CASE WHEN un.id IS NULL THEN NULL ELSE json_build_object('nameZh', un."nameZh", 'nameEn', un."nameEn") END) AS author,
      COALESCE((SELECT json_agg(json_build_object('id', mu.id, 'displayName', mu."displayName") ORDER BY cm."userId")
        FROM "CommentMention" cm JOIN "User" mu ON mu.id = cm."userId" WHERE cm."commentId" = c.id), '[]'::json) AS mentions
    FROM "Comment" c
    JOIN "User" au ON au.id = c."authorId"
    LEFT JOIN "Unit" un ON un.id = au."unitId"
    LEFT JOIN "ProgressReport" r ON r.id = c."reportId"
    WHERE ${target} AND ${commentWhereSql(user)}
    ORDER BY c."createdAt", c.id`;
}

/**
 * A measure's comments the user may read (or one report's), oldest first (a
 * thread reads down): the discussion's and those on its reports (grouped by the
 * page under each report). A deleted comment keeps its place without its text.
 */
export async function listComments(db: PrismaClient, user: SessionUser, of: { measureId: string } | { reportId: string }, now: Date) {
  const rows = await queryRows<CommentRow>(db, commentsSql(user, of));
  return rows.map((row) => ({
    id: row.id,
    reportId: row.reportId,
    author: { displayName: row.author.displayName, role: row.author.role, unit: row.author.unit },
    body: row.deletedAt ? null : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    version: row.version,
    mentions: row.deletedAt ? [] : row.mentions,
    canEdit: mayEditComment(user.id, row, now),
    canDelete: mayDeleteComment(user, row),
  }));
}

export type CommentView = Awaited<ReturnType<typeof listComments>>[number];
