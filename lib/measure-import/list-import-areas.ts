import type { PrismaClient } from "@/lib/db/create-client";

/** The areas an office table's sections can be mapped to, in catalogue order. */
export function listImportAreas(db: PrismaClient) {
  return db.area.findMany({
    select: { code: true, titleZh: true, titleEn: true },
    orderBy: [{ programme: { sortOrder: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
}

/** The programmes a new area (proposed from the import preview) can belong to. */
export function listImportProgrammes(db: PrismaClient) {
  return db.programme.findMany({ select: { code: true, titleZh: true, titleEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}
