import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { reviveRow, rowJsonSql, type JsonModel } from "@/lib/db/json-rows";
import { queryRows } from "@/lib/db/sql-rows";
import { visibleReportsSql } from "@/lib/reports/report-where";

const unitSelect = { id: true, code: true, nameZh: true, nameEn: true } as const;
const person = { select: { displayName: true } } as const;

/** What the measure page reads: the measure with these relations, as Prisma's `include` would give it. */
export type MeasureDetail = Prisma.MeasureGetPayload<{
  include: {
    area: { include: { programme: true } };
    leadUnit: { select: typeof unitSelect };
    cooperatingUnits: { select: { unit: { select: typeof unitSelect } } };
    cities: { select: { city: true } };
    sourceDocuments: { select: { sourceDocument: true } };
    milestones: true;
    progressReports: { include: { unit: { select: typeof unitSelect }; author: typeof person; reviewer: typeof person } };
    extensionRequests: { include: { requestedBy: typeof person; decidedBy: typeof person } };
  };
}>;

const stamps = ["createdAt", "updatedAt"] as const;
const models = {
  measure: {
    fields: Prisma.MeasureScalarFieldEnum,
    dates: ["startDate", "dueDate", "latestReportPeriod", "suspendedAt", ...stamps],
    decimals: ["kpiBaseline", "kpiTarget", "kpiActual", "investmentPlanned", "investmentCompleted"],
  },
  area: { fields: Prisma.AreaScalarFieldEnum },
  programme: { fields: Prisma.ProgrammeScalarFieldEnum },
  city: { fields: Prisma.CityScalarFieldEnum },
  sourceDocument: { fields: Prisma.SourceDocumentScalarFieldEnum, dates: ["issuedOn", "endsOn"] },
  milestone: { fields: Prisma.MilestoneScalarFieldEnum, dates: ["dueDate", "completedOn", ...stamps] },
  report: {
    fields: Prisma.ProgressReportScalarFieldEnum,
    dates: ["period", "submittedAt", "reviewedAt", ...stamps],
    decimals: ["kpiActual", "investmentCompleted"],
  },
  extension: { fields: Prisma.ExtensionRequestScalarFieldEnum, dates: ["currentDueDate", "requestedDueDate", "decidedAt", ...stamps] },
} satisfies Record<string, JsonModel>;

const unitJson = (alias: string) => Prisma.raw(`json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'nameZh', ${alias}."nameZh", 'nameEn', ${alias}."nameEn")`);
const personJson = (alias: string) => Prisma.raw(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('displayName', ${alias}."displayName") END`);
const list = (aggregate: Prisma.Sql) => Prisma.sql`COALESCE((${aggregate}), '[]'::json)`;

/**
 * The whole detail in ONE statement (Prisma's `include` sent one per relation):
 * the measure row with each relation as a JSON column, in the orders the page
 * shows them. Reports are the latest 24 that the viewer may read (visibleReportsSql).
 */
function measureDetailSql(code: string, viewerUnitId: string | null): Prisma.Sql {
  return Prisma.sql`SELECT ${rowJsonSql("m", models.measure)} AS measure,
    ${rowJsonSql("a", models.area)} AS area,
    ${rowJsonSql("p", models.programme)} AS programme,
    (SELECT ${unitJson("u")} FROM "Unit" u WHERE u.id = m."leadUnitId") AS "leadUnit",
    ${list(Prisma.sql`SELECT json_agg(json_build_object('unit', ${unitJson("u")}) ORDER BY u.code)
      FROM "MeasureCooperatingUnit" mcu JOIN "Unit" u ON u.id = mcu."unitId" WHERE mcu."measureId" = m.id`)} AS "cooperatingUnits",
    ${list(Prisma.sql`SELECT json_agg(json_build_object('city', ${rowJsonSql("c", models.city)}) ORDER BY c."sortOrder", c.code)
      FROM "MeasureCity" mc JOIN "City" c ON c.id = mc."cityId" WHERE mc."measureId" = m.id`)} AS cities,
    ${list(Prisma.sql`SELECT json_agg(json_build_object('sourceDocument', ${rowJsonSql("d", models.sourceDocument)}) ORDER BY d."issuedOn", d.code)
      FROM "MeasureSourceDocument" msd JOIN "SourceDocument" d ON d.id = msd."sourceDocumentId" WHERE msd."measureId" = m.id`)} AS "sourceDocuments",
    ${list(Prisma.sql`SELECT json_agg(${rowJsonSql("ms", models.milestone)} ORDER BY ms."dueDate", ms."sortOrder", ms.id)
      FROM "Milestone" ms WHERE ms."measureId" = m.id`)} AS milestones,
    ${list(Prisma.sql`SELECT json_agg(${rowJsonSql("r", models.report, [
      ["unit", unitJson("u")],
      ["author", personJson("au")],
      ["reviewer", personJson("rv")],
    ])} ORDER BY r.period DESC, u.code)
      FROM (SELECT r.* FROM "ProgressReport" r JOIN "Unit" u ON u.id = r."unitId"
        WHERE r."measureId" = m.id AND ${visibleReportsSql("r", viewerUnitId)} ORDER BY r.period DESC, u.code LIMIT 24) r
      JOIN "Unit" u ON u.id = r."unitId" JOIN "User" au ON au.id = r."authorId" LEFT JOIN "User" rv ON rv.id = r."reviewerId"`)} AS "progressReports",
    ${list(Prisma.sql`SELECT json_agg(${rowJsonSql("e", models.extension, [
      ["requestedBy", personJson("rq")],
      ["decidedBy", personJson("dc")],
    ])} ORDER BY e."createdAt" DESC, e.id DESC)
      FROM "ExtensionRequest" e JOIN "User" rq ON rq.id = e."requestedById" LEFT JOIN "User" dc ON dc.id = e."decidedById"
      WHERE e."measureId" = m.id`)} AS "extensionRequests"
    FROM "Measure" m JOIN "Area" a ON a.id = m."areaId" JOIN "Programme" p ON p.id = a."programmeId"
    WHERE m.code = ${code}`;
}

type Json = Record<string, unknown>;
type DetailRow = {
  measure: Json;
  area: Json;
  programme: Json;
  leadUnit: Json;
  cooperatingUnits: Json[];
  cities: { city: Json }[];
  sourceDocuments: { sourceDocument: Json }[];
  milestones: Json[];
  progressReports: Json[];
  extensionRequests: Json[];
};

/**
 * One measure with everything its page shows, or null when the code is unknown.
 * Its reports are the ones the viewer may read: drafts only of the viewer's own
 * unit (`viewerUnitId`; none without it), never another unit's.
 * Cached per request: the page's metadata and the page itself both need it.
 */
export const getMeasureByCode = cache(async function getMeasureByCode(db: PrismaClient, code: string, viewerUnitId: string | null = null): Promise<MeasureDetail | null> {
  const [row] = await queryRows<DetailRow>(db, measureDetailSql(code, viewerUnitId));
  if (!row) return null;
  return reviveRow<MeasureDetail>(
    Object.assign(row.measure, {
      area: { ...reviveRow<Json>(row.area, models.area), programme: reviveRow(row.programme, models.programme) },
      leadUnit: row.leadUnit,
      cooperatingUnits: row.cooperatingUnits,
      cities: row.cities.map(({ city }) => ({ city: reviveRow(city, models.city) })),
      sourceDocuments: row.sourceDocuments.map(({ sourceDocument }) => ({ sourceDocument: reviveRow(sourceDocument, models.sourceDocument) })),
      milestones: row.milestones.map((milestone) => reviveRow(milestone, models.milestone)),
      progressReports: row.progressReports.map((report) => reviveRow(report, models.report)),
      extensionRequests: row.extensionRequests.map((request) => reviveRow(request, models.extension)),
    }),
    models.measure,
  );
});
