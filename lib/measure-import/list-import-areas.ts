import type { PrismaClient } from "@/lib/db/create-client";

/** The areas an office table's sections can be mapped to, in catalogue order. */
export function listImportAreas(db: PrismaClient) {
  return db.area.findMany({
    select: { code: true, titleZh: true, titleEn: true },
    orderBy: [{ programme: { sortOrder: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
}
