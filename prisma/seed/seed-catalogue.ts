import type { Prisma } from "@/generated/prisma/client";
import { cities } from "./data/cities";
import { measures } from "./data/measures";
import { areas, programmes } from "./data/programmes";
import { sourceDocuments } from "./data/source-documents";
import { unitAliases } from "./data/unit-aliases";
import { units } from "./data/units";
import { unitNameKey } from "@/lib/measure-import/match-unit-name";
import { isoDate } from "@/lib/tracking/dates";
import { stableFraction } from "./sample-progress";

type Tx = Prisma.TransactionClient;

/** Code → id of rows already in the database, to link seed rows by code. */
async function idsByCode(rows: Promise<{ id: string; code: string }[]>): Promise<Map<string, string>> {
  return new Map((await rows).map((row) => [row.code, row.id]));
}

function lookup(ids: Map<string, string>, code: string, what: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`Seed data refers to unknown ${what} "${code}"`);
  return id;
}

/** Most past milestones were met a few days early; some are still open (late). */
function sampleCompletion(code: string, due: Date, now: Date): Date | null {
  if (due >= now || stableFraction(`${code}:${due.toISOString()}:late`) < 0.2) return null;
  return new Date(due.getTime() - Math.floor(stableFraction(`${code}:${due.toISOString()}`) * 20) * 86_400_000);
}

/**
 * Inserts the cities, units, source documents, programmes, areas and measures
 * that are missing. Existing rows are never overwritten, so a re-run keeps
 * what users changed.
 * @returns the codes of measures created by this run
 */
export async function seedCatalogue(tx: Tx, now: Date): Promise<string[]> {
  for (const [index, city] of cities.entries()) {
    await tx.city.upsert({ where: { code: city.code }, update: {}, create: { ...city, sortOrder: index } });
  }
  const cityIds = await idsByCode(tx.city.findMany({ select: { id: true, code: true } }));

  for (const { city, ...unit } of units) {
    await tx.unit.upsert({
      where: { code: unit.code },
      update: {},
      create: { ...unit, cityId: city ? lookup(cityIds, city, "city") : null },
    });
  }

  // Aliases whose key is taken (an admin's own, or a unit's) are kept as they are.
  const unitIdsForAliases = await idsByCode(tx.unit.findMany({ select: { id: true, code: true } }));
  await tx.unitAlias.createMany({
    data: unitAliases.flatMap(({ unit, aliases }) => aliases.map((alias) => ({ alias, key: unitNameKey(alias), unitId: lookup(unitIdsForAliases, unit, "unit") }))),
    skipDuplicates: true,
  });

  for (const doc of sourceDocuments) {
    await tx.sourceDocument.upsert({
      where: { code: doc.code },
      update: {},
      create: { ...doc, issuedOn: isoDate(doc.issuedOn), endsOn: doc.endsOn ? isoDate(doc.endsOn) : null },
    });
  }

  for (const [index, programme] of programmes.entries()) {
    await tx.programme.upsert({ where: { code: programme.code }, update: {}, create: { ...programme, sortOrder: index } });
  }
  const programmeIds = await idsByCode(tx.programme.findMany({ select: { id: true, code: true } }));
  for (const [index, { programme, ...area }] of areas.entries()) {
    await tx.area.upsert({
      where: { code: area.code },
      update: {},
      create: { ...area, sortOrder: index, programmeId: lookup(programmeIds, programme, "programme") },
    });
  }

  const [areaIds, unitIds, documentIds, existing] = await Promise.all([
    idsByCode(tx.area.findMany({ select: { id: true, code: true } })),
    idsByCode(tx.unit.findMany({ select: { id: true, code: true } })),
    idsByCode(tx.sourceDocument.findMany({ select: { id: true, code: true } })),
    tx.measure.findMany({ select: { code: true } }),
  ]);
  const existingCodes = new Set(existing.map((measure) => measure.code));

  const created: string[] = [];
  for (const [index, measure] of measures.entries()) {
    if (existingCodes.has(measure.code)) continue;
    const { sample } = measure;
    await tx.measure.create({
      data: {
        code: measure.code,
        titleZh: measure.titleZh,
        titleEn: measure.titleEn,
        descriptionZh: measure.descriptionZh,
        descriptionEn: measure.descriptionEn,
        sortOrder: index,
        isSample: true,
        area: { connect: { id: lookup(areaIds, measure.area, "area") } },
        leadUnit: { connect: { id: lookup(unitIds, sample.leadUnit, "unit") } },
        responsiblePerson: sample.responsiblePerson,
        startDate: isoDate(sample.startDate),
        dueDate: isoDate(sample.dueDate),
        kpiNameZh: sample.kpi?.nameZh,
        kpiNameEn: sample.kpi?.nameEn,
        kpiUnit: sample.kpi?.unit,
        kpiBaseline: sample.kpi?.baseline,
        kpiTarget: sample.kpi?.target,
        investmentPlanned: sample.investmentPlanned,
        cooperatingUnits: {
          create: sample.cooperatingUnits.map((code) => ({ unitId: lookup(unitIds, code, "unit") })),
        },
        cities: { create: measure.cities.map((code) => ({ cityId: lookup(cityIds, code, "city") })) },
        sourceDocuments: {
          create: measure.sources.map((code) => ({ sourceDocumentId: lookup(documentIds, code, "source document") })),
        },
        milestones: {
          create: sample.milestones.map((milestone, order) => ({
            ...milestone,
            dueDate: isoDate(milestone.dueDate),
            completedOn: sampleCompletion(measure.code, isoDate(milestone.dueDate), now),
            sortOrder: order,
            isSample: true,
          })),
        },
      },
    });
    created.push(measure.code);
  }
  return created;
}
