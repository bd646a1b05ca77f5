import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { findCommentTarget, mentionCandidatesWhere } from "./comment-scope";
import type { MentionCandidatesQuery } from "./schemas";

const LIMIT = 8;

/** The type-ahead's people for a comment on this measure (or report), searched by name. */
export async function listMentionCandidates(db: PrismaClient, user: SessionUser, measureCode: string, query: MentionCandidatesQuery) {
  const target = await findCommentTarget(db, user, measureCode, query.reportId || null);
  const search = query.q
    ? { OR: [{ displayName: { contains: query.q, mode: "insensitive" as const } }, { loginName: { contains: query.q, mode: "insensitive" as const } }] }
    : {};
  const users = await db.user.findMany({
    where: { AND: [mentionCandidatesWhere(target), search, { id: { not: user.id } }] },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, displayName: true, role: true, unit: { select: { nameZh: true, nameEn: true } } },
  });
  return {
    items: users.map((person) => ({
      id: person.id,
      displayName: person.displayName,
      role: person.role,
      unitNameZh: person.unit?.nameZh ?? null,
      unitNameEn: person.unit?.nameEn ?? null,
    })),
  };
}
