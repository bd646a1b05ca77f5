import type { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import type { ListUsersQuery } from "./schemas";

export const userRowSelect = {
  id: true,
  loginName: true,
  displayName: true,
  role: true,
  active: true,
  mustChangePassword: true,
  lastSignInAt: true,
  version: true,
  unit: { select: { id: true, nameZh: true, nameEn: true } },
} satisfies Prisma.UserSelect;

/** What the search and filters of /admin/users match; never the sample-report placeholders. */
function usersWhere({ q, role, active }: ListUsersQuery): Prisma.UserWhereInput {
  return {
    NOT: { loginName: { startsWith: "sample." } },
    ...(role ? { role } : {}),
    ...(active ? { active: active === "true" } : {}),
    ...(q
      ? { OR: [{ loginName: { contains: q, mode: "insensitive" } }, { displayName: { contains: q, mode: "insensitive" } }] }
      : {}),
  };
}

/**
 * One page of accounts for administrators: a count, then the page (a page past
 * the end shows the last one). Active first, by login name (its unique index).
 */
export async function listUsersPage(db: PrismaClient, actor: Pick<SessionUser, "role" | "unitId">, query: ListUsersQuery) {
  if (!can(actor, "user.manage")) throw new AppError("FORBIDDEN");
  const where = usersWhere(query);
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.perPage));
  const page = Math.min(query.page, pageCount);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ active: "desc" }, { loginName: "asc" }],
    skip: (page - 1) * query.perPage,
    take: query.perPage,
    select: userRowSelect,
  });
  return { rows, total, page, pageCount };
}

/** The account opened in the edit drawer (?edit=<id>), or null. */
export async function getUserForEdit(db: PrismaClient, actor: Pick<SessionUser, "role" | "unitId">, id: string) {
  if (!can(actor, "user.manage")) throw new AppError("FORBIDDEN");
  return db.user.findFirst({ where: { id, NOT: { loginName: { startsWith: "sample." } } }, select: userRowSelect });
}

export type UserPageRow = Awaited<ReturnType<typeof listUsersPage>>["rows"][number];
