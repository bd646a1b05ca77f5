import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Every programme with its areas and their measures, in catalogue order:
 * what the home page lists; and whether any of those measures is sample data.
 */
export async function listProgrammes(db: PrismaClient) {
  const programmes = await db.programme.findMany({
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
  const hasSample = programmes.some((programme) => programme.areas.some((area) => area.measures.some((measure) => measure.isSample)));
  return { programmes, hasSample };
}

export type Programmes = Awaited<ReturnType<typeof listProgrammes>>["programmes"];
