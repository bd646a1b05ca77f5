import type { Prisma } from "@/generated/prisma/client";
import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { parseImportWorkbook } from "./parse-import-workbook";
import { planMeasureImport, type ImportField, type ImportPlan, type PlannedWrite } from "./plan-measure-import";

/** The dry run: what importing this file would do, with every error. Writes nothing. */
export async function previewMeasureImport(db: PrismaClient, bytes: Uint8Array): Promise<ImportPlan> {
  const sheet = await parseImportWorkbook(bytes);
  return db.$transaction(async (tx) => (await planMeasureImport(tx, sheet, bytes)).plan);
}

/**
 * The confirmed import: re-reads the file and re-plans inside one transaction;
 * refuses when the plan differs from the previewed one (its fingerprint), so
 * an edit made since the preview is never silently overwritten. Every create
 * and update is audited in the same transaction; any failure rolls back all.
 */
export async function importMeasures(db: PrismaClient, user: SessionUser, bytes: Uint8Array, fingerprint: string) {
  const sheet = await parseImportWorkbook(bytes);
  return db.$transaction(
    async (tx) => {
      const { plan, writes, titleLanguage, kpiLanguage } = await planMeasureImport(tx, sheet, bytes);
      if (plan.errors.length > 0) throw fieldError("file", "importHasErrors");
      if (plan.fingerprint !== fingerprint) throw new AppError("PLAN_CHANGED");
      const languages = { title: titleLanguage, kpi: kpiLanguage };
      await createMeasures(tx, user, writes.filter((write) => !write.existing), languages);
      for (const write of writes.filter((write) => write.existing)) await updateMeasure(tx, user, write, languages);
      return { created: plan.creates.length, updated: plan.updates.length };
    },
    // A few thousand rows take longer than Prisma's default 5 s.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

type Languages = { title: "zh" | "en"; kpi: "zh" | "en" };

/** The measure columns for the fields a write sets (text fields in the file's language). */
function scalarData(desired: PlannedWrite["desired"], languages: Languages, creating: boolean) {
  const text = (field: ImportField) => desired[field] as string | null | undefined;
  const data: Prisma.MeasureUncheckedUpdateInput = {};
  const both = (zh: "titleZh" | "kpiNameZh", en: "titleEn" | "kpiNameEn", language: "zh" | "en", value: string | undefined) => {
    if (value === undefined) return;
    // A new measure gets the one title it was given in both languages, to be translated later.
    if (creating || language === "zh") data[zh] = value;
    if (creating || language === "en") data[en] = value;
  };
  // Titles and KPI names are never empty here: the plan refuses an empty title, and a KPI needs a name.
  both("titleZh", "titleEn", languages.title, text("title") ?? undefined);
  both("kpiNameZh", "kpiNameEn", languages.kpi, text("kpiName") ?? undefined);
  if (desired.leadUnit !== undefined) data.leadUnitId = text("leadUnit")!;
  if (desired.area !== undefined) data.areaId = text("area")!;
  if (desired.responsiblePerson !== undefined) data.responsiblePerson = text("responsiblePerson") || null;
  if (desired.dueDate !== undefined) data.dueDate = desired.dueDate ? new Date(`${text("dueDate")}T00:00:00Z`) : null;
  if (desired.kpiUnit !== undefined) data.kpiUnit = text("kpiUnit") || null;
  if (desired.kpiTarget !== undefined) data.kpiTarget = text("kpiTarget") || null;
  if (desired.investmentPlanned !== undefined) data.investmentPlanned = text("investmentPlanned") || null;
  return data;
}

/** What an audit event records of a write: the fields as people read them. */
function auditValues(write: PlannedWrite, side: "before" | "after") {
  return Object.fromEntries(write.changes.map((change) => [change.field, change[side]]));
}

async function createMeasures(tx: Prisma.TransactionClient, user: SessionUser, creates: PlannedWrite[], languages: Languages) {
  if (creates.length === 0) return;
  // New measures go after the existing ones of their area.
  const last = await tx.measure.groupBy({ by: ["areaId"], _max: { sortOrder: true } });
  const nextSort = new Map(last.map((row) => [row.areaId, (row._max.sortOrder ?? 0) + 1]));
  const created = await tx.measure.createManyAndReturn({
    data: creates.map((write) => {
      const areaId = write.desired.area as string;
      const sortOrder = nextSort.get(areaId) ?? 1;
      nextSort.set(areaId, sortOrder + 1);
      return { ...(scalarData(write.desired, languages, true) as Prisma.MeasureCreateManyInput), code: write.code, sortOrder };
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

async function updateMeasure(tx: Prisma.TransactionClient, user: SessionUser, write: PlannedWrite, languages: Languages) {
  const { id, version } = write.existing!;
  const changed = new Set(write.changes.map((change) => change.field));
  const desired = Object.fromEntries(Object.entries(write.desired).filter(([field]) => changed.has(field as ImportField)));
  const updated = await tx.measure.updateMany({
    where: { id, version },
    data: { ...scalarData(desired, languages, false), version: { increment: 1 } },
  });
  if (updated.count === 0) throw await conflictError(tx, "Measure", id);
  if (changed.has("cooperatingUnits")) {
    await tx.measureCooperatingUnit.deleteMany({ where: { measureId: id } });
    await tx.measureCooperatingUnit.createMany({ data: (desired.cooperatingUnits as string[]).map((unitId) => ({ measureId: id, unitId })) });
  }
  if (changed.has("cities")) {
    await tx.measureCity.deleteMany({ where: { measureId: id } });
    await tx.measureCity.createMany({ data: (desired.cities as string[]).map((cityId) => ({ measureId: id, cityId })) });
  }
  await recordAuditEvents(tx, [
    {
      actorId: user.id,
      action: "measure.importUpdate",
      entityType: "Measure",
      entityId: id,
      before: { ...auditValues(write, "before"), version },
      after: { ...auditValues(write, "after"), version: version + 1 },
    },
  ]);
}
