import { Prisma } from "@/generated/prisma/client";
import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent, recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { refreshLatestReports } from "@/lib/reports/refresh-latest-report";
import type { ImportLanguage } from "./import-columns";
import { withImportSlot } from "./import-slot";
import { parseImportWorkbook } from "./parse-import-workbook";
import type { ImportField, ImportPlan, NewArea, PlannedWrite } from "./import-types";
import { choiceWithCreatedAreas, NEW_AREA_ID } from "./plan-new-areas";
import { planMeasureImport } from "./plan-measure-import";
import { learnUnitAliases } from "@/lib/unit-aliases/unit-aliases";
import { ALL_CITIES_CHOICE } from "./match-unit-name";
import { rememberChoice } from "./remembered-mapping";
import type { OfficeChoice } from "./schemas";

/** The dry run: what importing this file would do, with every error. Writes nothing. */
export async function previewMeasureImport(db: PrismaClient, bytes: Uint8Array, choice: OfficeChoice = {}): Promise<ImportPlan> {
  return withImportSlot(async () => {
    const workbook = await parseImportWorkbook(bytes);
    return (await planMeasureImport(db, workbook, bytes, choice)).plan;
  });
}

/**
 * The confirmed import: re-reads the file and re-plans inside one transaction;
 * refuses when the plan differs from the previewed one (its fingerprint), so
 * an edit made since the preview is never silently overwritten. Every create
 * and update is audited in the same transaction; any failure rolls back all.
 * Like the preview, one import at a time per server process.
 */
export async function importMeasures(db: PrismaClient, user: SessionUser, bytes: Uint8Array, fingerprint: string, choice: OfficeChoice = {}) {
  return withImportSlot(() => applyImport(db, user, bytes, fingerprint, choice));
}

async function applyImport(db: PrismaClient, user: SessionUser, bytes: Uint8Array, fingerprint: string, choice: OfficeChoice) {
  const workbook = await parseImportWorkbook(bytes);
  return db.$transaction(
    async (tx) => {
      const { plan, writes, language } = await planMeasureImport(tx, workbook, bytes, choice);
      if (plan.errors.length > 0) throw fieldError("file", "importHasErrors");
      if (plan.fingerprint !== fingerprint) throw new AppError("PLAN_CHANGED");
      await createNewAreas(tx, user, plan.newAreas ?? [], writes);
      await createMeasures(tx, user, writes.filter((write) => !write.existing), language);
      await updateMeasures(tx, user, writes.filter((write) => write.existing), language);
      // The next table with the same header starts from the choices that worked for this one.
      if (plan.mapping) await rememberChoice(tx, plan.mapping.signature, choiceWithCreatedAreas(plan.mapping.choice));
      // A unit name the admin confirmed is recognised from now on (各市 → the seven cities stays with the header's remembered choices).
      if (plan.mapping) {
        const confirmed = plan.mapping.unitNames.flatMap(({ name, chosen }) => (chosen && chosen !== ALL_CITIES_CHOICE ? [{ name, unitCode: chosen }] : []));
        await learnUnitAliases(tx, user, confirmed);
      }
      return { created: plan.creates.length, updated: plan.updates.length };
    },
    // A few thousand rows take longer than Prisma's default 5 s.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * Creates the areas the admin proposed for unknown sections, after the other
 * areas of their programme, each audited; the planned writes then point at them.
 */
async function createNewAreas(tx: Prisma.TransactionClient, user: SessionUser, areas: NewArea[], writes: PlannedWrite[]) {
  if (areas.length === 0) return;
  const programmes = await tx.programme.findMany({ where: { code: { in: areas.map((area) => area.programme) } }, select: { id: true, code: true } });
  const programmeId = new Map(programmes.map((programme) => [programme.code, programme.id]));
  const idOf = new Map<string, string>();
  for (const area of areas) {
    const last = await tx.area.aggregate({ where: { programmeId: programmeId.get(area.programme)! }, _max: { sortOrder: true } });
    const created = await tx.area.create({
      data: { code: area.code, titleZh: area.titleZh, titleEn: area.titleEn, programmeId: programmeId.get(area.programme)!, sortOrder: (last._max.sortOrder ?? 0) + 1 },
      select: { id: true },
    });
    idOf.set(`${NEW_AREA_ID}${area.code}`, created.id);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "area.importCreate",
      entityType: "Area",
      entityId: created.id,
      after: { code: area.code, titleZh: area.titleZh, titleEn: area.titleEn, programme: area.programme, section: area.section },
    });
  }
  for (const write of writes) {
    const area = write.desired.area;
    if (typeof area === "string" && idOf.has(area)) write.desired.area = idOf.get(area)!;
  }
}

/** The measure columns for the fields a write sets (text fields in the file's language). */
function scalarData(desired: PlannedWrite["desired"], language: ImportLanguage, creating: boolean) {
  const text = (field: ImportField) => desired[field] as string | null | undefined;
  const data: Prisma.MeasureUncheckedUpdateInput = {};
  const both = (zh: "titleZh" | "kpiNameZh" | "descriptionZh", en: "titleEn" | "kpiNameEn" | "descriptionEn", value: string | undefined) => {
    if (value === undefined) return;
    // A new measure gets the one title it was given in both languages, to be translated later.
    if (creating || language === "zh") data[zh] = value;
    if (creating || language === "en") data[en] = value;
  };
  // Titles and KPI names are never empty here: the plan refuses an empty title, and a KPI needs a name.
  both("titleZh", "titleEn", text("title") ?? undefined);
  both("kpiNameZh", "kpiNameEn", text("kpiName") ?? undefined);
  both("descriptionZh", "descriptionEn", text("description") ?? undefined);
  if (desired.leadUnit !== undefined) data.leadUnitId = text("leadUnit")!;
  if (desired.area !== undefined) data.areaId = text("area")!;
  if (desired.responsiblePerson !== undefined) data.responsiblePerson = text("responsiblePerson") || null;
  if (desired.dueDate !== undefined) data.dueDate = desired.dueDate ? new Date(`${text("dueDate")}T00:00:00Z`) : null;
  if (desired.ongoing !== undefined) data.ongoing = desired.ongoing === "true";
  if (desired.kpiUnit !== undefined) data.kpiUnit = text("kpiUnit") || null;
  if (desired.kpiTarget !== undefined) data.kpiTarget = text("kpiTarget") || null;
  if (desired.investmentPlanned !== undefined) data.investmentPlanned = text("investmentPlanned") || null;
  return data;
}

/** What an audit event records of a write: the fields as people read them. */
function auditValues(write: PlannedWrite, side: "before" | "after") {
  return Object.fromEntries(write.changes.map((change) => [change.field, change[side]]));
}

async function createMeasures(tx: Prisma.TransactionClient, user: SessionUser, creates: PlannedWrite[], language: ImportLanguage) {
  if (creates.length === 0) return;
  // New measures go after the existing ones of their area.
  const last = await tx.measure.groupBy({ by: ["areaId"], _max: { sortOrder: true } });
  const nextSort = new Map(last.map((row) => [row.areaId, (row._max.sortOrder ?? 0) + 1]));
  const created = await tx.measure.createManyAndReturn({
    data: creates.map((write) => {
      const areaId = write.desired.area as string;
      const sortOrder = nextSort.get(areaId) ?? 1;
      nextSort.set(areaId, sortOrder + 1);
      return { ...(scalarData(write.desired, language, true) as Prisma.MeasureCreateManyInput), code: write.code, sortOrder };
    }),
    select: { id: true, code: true },
  });
  const idByCode = new Map(created.map((measure) => [measure.code, measure.id]));
  await tx.measureCooperatingUnit.createMany({
    data: creates.flatMap((write) => ((write.desired.cooperatingUnits as string[] | undefined) ?? []).map((unitId) => ({ measureId: idByCode.get(write.code)!, unitId }))),
  });
  await tx.measureCity.createMany({
    data: creates.flatMap((write) => ((write.desired.cities as string[] | undefined) ?? []).map((cityId) => ({ measureId: idByCode.get(write.code)!, cityId }))),
  });
  await recordAuditEvents(
    tx,
    creates.map((write) => ({
      actorId: user.id,
      action: "measure.importCreate",
      entityType: "Measure",
      entityId: idByCode.get(write.code)!,
      after: { code: write.code, ...auditValues(write, "after") },
    })),
  );
}

// Columns an import may change, with the SQL type their text value is cast to.
const columnCasts: Record<string, string> = {
  titleZh: "text",
  titleEn: "text",
  kpiNameZh: "text",
  kpiNameEn: "text",
  descriptionZh: "text",
  descriptionEn: "text",
  leadUnitId: "text",
  areaId: "text",
  responsiblePerson: "text",
  dueDate: "date",
  ongoing: "boolean",
  kpiUnit: "text",
  kpiTarget: "numeric",
  investmentPlanned: "numeric",
};

/**
 * Applies the updates in a handful of set-based statements rather than one
 * round trip per row (5,000 rows: seconds, not minutes). First every row's
 * version is checked and bumped; a row changed since it was planned refuses
 * the whole import.
 */
async function updateMeasures(tx: Prisma.TransactionClient, user: SessionUser, updates: PlannedWrite[], language: ImportLanguage) {
  if (updates.length === 0) return;
  const ids = updates.map((write) => write.existing!.id);
  const versions = updates.map((write) => write.existing!.version);
  const bumped = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Measure" AS m SET version = m.version + 1, "updatedAt" = now()
    FROM unnest(${ids}::text[], ${versions}::int[]) AS v(id, version)
    WHERE m.id = v.id AND m.version = v.version
    RETURNING m.id`;
  if (bumped.length < ids.length) {
    const done = new Set(bumped.map((row) => row.id));
    throw await conflictError(tx, "Measure", ids.find((id) => !done.has(id))!);
  }

  const byColumn = new Map<string, { ids: string[]; values: (string | null)[] }>();
  for (const write of updates) {
    const changed = new Set(write.changes.map((change) => change.field));
    const desired = Object.fromEntries(Object.entries(write.desired).filter(([field]) => changed.has(field as ImportField)));
    for (const [column, value] of Object.entries(scalarData(desired, language, false))) {
      const entry = byColumn.get(column) ?? { ids: [], values: [] };
      entry.ids.push(write.existing!.id);
      entry.values.push(value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === "boolean" ? String(value) : ((value as string | null) ?? null));
      byColumn.set(column, entry);
    }
  }
  for (const [column, { ids: columnIds, values }] of byColumn) {
    const cast = columnCasts[column]!;
    await tx.$executeRaw`
      UPDATE "Measure" AS m SET ${Prisma.raw(`"${column}" = v.value::${cast}`)}
      FROM unnest(${columnIds}::text[], ${values}::text[]) AS v(id, value)
      WHERE m.id = v.id`;
  }

  await replaceLinks(tx, updates, "cooperatingUnits");
  await replaceLinks(tx, updates, "cities");
  // Only the lead unit speaks for the measure: a new lead's reports decide its latest report state.
  await refreshLatestReports(
    tx,
    updates.filter((write) => write.changes.some((change) => change.field === "leadUnit")).map((write) => write.existing!.id),
  );
  await recordAuditEvents(
    tx,
    updates.map((write) => ({
      actorId: user.id,
      action: "measure.importUpdate",
      entityType: "Measure",
      entityId: write.existing!.id,
      before: { ...auditValues(write, "before"), version: write.existing!.version },
      after: { ...auditValues(write, "after"), version: write.existing!.version + 1 },
    })),
  );
}

/** Replaces the cooperating units or cities of the updated measures whose list changed. */
async function replaceLinks(tx: Prisma.TransactionClient, updates: PlannedWrite[], field: "cooperatingUnits" | "cities") {
  const changed = updates.filter((write) => write.changes.some((change) => change.field === field));
  if (changed.length === 0) return;
  const measureIds = changed.map((write) => write.existing!.id);
  const links = (write: PlannedWrite) => (write.desired[field] as string[]).map((id) => ({ measureId: write.existing!.id, id }));
  if (field === "cooperatingUnits") {
    await tx.measureCooperatingUnit.deleteMany({ where: { measureId: { in: measureIds } } });
    await tx.measureCooperatingUnit.createMany({ data: changed.flatMap(links).map(({ measureId, id }) => ({ measureId, unitId: id })) });
  } else {
    await tx.measureCity.deleteMany({ where: { measureId: { in: measureIds } } });
    await tx.measureCity.createMany({ data: changed.flatMap(links).map(({ measureId, id }) => ({ measureId, cityId: id })) });
  }
}
