import { cache } from "react";
import type { PrismaClient } from "@/lib/db/create-client";
import { visibleReportsWhere } from "@/lib/reports/report-where";

const unitSelect = { id: true, code: true, nameZh: true, nameEn: true } as const;

/**
 * One measure with everything its page shows, or null when the code is unknown.
 * Its reports are the ones the viewer may read: drafts only of the viewer's own
 * unit (`viewerUnitId`; none without it), never another unit's.
 * Cached per request: the page's metadata and the page itself both need it.
 */
export const getMeasureByCode = cache(async function getMeasureByCode(db: PrismaClient, code: string, viewerUnitId: string | null = null) {
  return db.measure.findUnique({
    where: { code },
    include: {
      area: { include: { programme: true } },
      leadUnit: { select: unitSelect },
      cooperatingUnits: { select: { unit: { select: unitSelect } }, orderBy: { unit: { code: "asc" } } },
      cities: { select: { city: true }, orderBy: { city: { sortOrder: "asc" } } },
      sourceDocuments: {
        select: { sourceDocument: true },
        orderBy: { sourceDocument: { issuedOn: "asc" } },
      },
      milestones: { orderBy: [{ dueDate: "asc" }, { sortOrder: "asc" }] },
      progressReports: {
        where: visibleReportsWhere(viewerUnitId),
        orderBy: [{ period: "desc" }, { unit: { code: "asc" } }],
        take: 24,
        include: {
          unit: { select: unitSelect },
          author: { select: { displayName: true } },
          reviewer: { select: { displayName: true } },
        },
      },
      extensionRequests: {
        orderBy: { createdAt: "desc" },
        include: { requestedBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } } },
      },
    },
  });
});

export type MeasureDetail = NonNullable<Awaited<ReturnType<typeof getMeasureByCode>>>;
