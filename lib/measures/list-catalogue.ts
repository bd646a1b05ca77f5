import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Every programme with its areas and their measures, in catalogue order:
 * what the home page lists.
 */
export async function listCatalogue(db: PrismaClient) {
  return db.programme.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      code: true,
      titleZh: true,
      titleEn: true,
      areas: {
        orderBy: { sortOrder: "asc" },
        select: {
          code: true,
          titleZh: true,
          titleEn: true,
          measures: {
            orderBy: { sortOrder: "asc" },
            select: {
              code: true,
              titleZh: true,
              titleEn: true,
              dueDate: true,
              status: true,
              percentComplete: true,
              isSample: true,
              leadUnit: { select: { code: true, nameZh: true, nameEn: true } },
            },
          },
        },
      },
    },
  });
}

export type Catalogue = Awaited<ReturnType<typeof listCatalogue>>;
