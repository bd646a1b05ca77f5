import type { PrismaClient } from "@/lib/db/create-client";

/** Every account except the inactive placeholders that only author sample reports. */
export async function listUsers(db: PrismaClient) {
  return db.user.findMany({
    where: { NOT: { loginName: { startsWith: "sample." } } },
    orderBy: [{ active: "desc" }, { loginName: "asc" }],
    select: {
      id: true,
      loginName: true,
      displayName: true,
      role: true,
      active: true,
      mustChangePassword: true,
      version: true,
      unit: { select: { id: true, nameZh: true, nameEn: true } },
    },
  });
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
