import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { refreshLatestReport } from "@/lib/reports/refresh-latest-report";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Seeders for tests: each call creates rows with unique codes, so test files
 * never depend on each other's data or on the demo seed.
 */
export const FIXTURE_PASSWORD = "Fixture-pass-2026";
let fixtureHash: Promise<string> | undefined;
const passwordHash = () => (fixtureHash ??= hashPassword(FIXTURE_PASSWORD));

export const uniqueSuffix = () => randomUUID().slice(0, 8);

export async function seedUnit(db: PrismaClient, overrides: { kind?: "OTHER" | "CITY_GOVERNMENT" } = {}) {
  const code = `t-unit-${uniqueSuffix()}`;
  return db.unit.create({ data: { code, nameZh: `测试单位${code}`, nameEn: `Test unit ${code}`, kind: overrides.kind ?? "OTHER" } });
}

export async function seedUser(db: PrismaClient, role: Role, unitId: string | null, overrides: { active?: boolean; mustChangePassword?: boolean } = {}) {
  const loginName = `t.${role.toLowerCase()}.${uniqueSuffix()}`;
  return db.user.create({
    data: { loginName, displayName: `测试${role}`, role, unitId, passwordHash: await passwordHash(), ...overrides },
  });
}

export async function seedArea(db: PrismaClient) {
  const suffix = uniqueSuffix();
  const programme = await db.programme.create({ data: { code: `TP-${suffix}`, titleZh: "测试规划", titleEn: "Test programme", sortOrder: 1000 } });
  return db.area.create({ data: { code: `TA-${suffix}`, programmeId: programme.id, titleZh: "测试领域", titleEn: "Test area" } });
}

type MeasureOverrides = Partial<{ startDate: Date; dueDate: Date; status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "SUSPENDED"; percentComplete: number; isSample: boolean }>;

/** A measure running from a year ago to a year ahead unless told otherwise. */
export async function seedMeasure(
  db: PrismaClient,
  areaId: string,
  leadUnitId: string,
  cooperatingUnitIds: string[] = [],
  overrides: MeasureOverrides = {},
) {
  const code = `T.${uniqueSuffix()}`;
  const year = 365 * 86_400_000;
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return db.measure.create({
    data: {
      code,
      areaId,
      leadUnitId,
      titleZh: `测试措施${code}`,
      titleEn: `Test measure ${code}`,
      responsiblePerson: "原责任人",
      startDate: new Date(today.getTime() - year),
      dueDate: new Date(today.getTime() + year),
      status: "IN_PROGRESS",
      ...overrides,
      cooperatingUnits: { create: cooperatingUnitIds.map((unitId) => ({ unitId })) },
    },
  });
}

/** A report of a unit on a measure for a month ("YYYY-MM"), in the given state. */
export async function seedReport(
  db: PrismaClient,
  measureId: string,
  unitId: string,
  authorId: string,
  period: string,
  state: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED",
  percentComplete = 40,
) {
  const report = await db.progressReport.create({
    data: {
      measureId,
      unitId,
      authorId,
      period: new Date(`${period}-01T00:00:00Z`),
      percentComplete,
      status: "IN_PROGRESS",
      progress: "测试进展",
      state,
      submittedAt: state === "DRAFT" ? null : new Date(),
    },
  });
  await refreshLatestReport(db, measureId);
  return report;
}

/** This month as "YYYY-MM" (China time), the period a report is normally for. */
export function currentPeriod(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
}

/** An attachment row (no bytes stored): enough for counts; tests that open files store `bytes` under its key themselves. */
export async function seedAttachment(
  db: PrismaClient,
  parent: { measureId: string; reportId?: string; milestoneId?: string; extensionRequestId?: string },
  uploadedById: string,
  originalName = "photo.jpg",
  extra: { deletedAt?: Date; createdAt?: Date; size?: number; mimeType?: string } = {},
) {
  return db.attachment.create({
    data: {
      ...parent,
      storageKey: `attachments/${uniqueSuffix()}${uniqueSuffix()}`.toLowerCase(),
      originalName,
      mimeType: extra.mimeType ?? "image/jpeg",
      size: extra.size ?? 3,
      sha256: "0".repeat(64),
      uploadedById,
      ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
      ...(extra.deletedAt ? { deletedAt: extra.deletedAt, deletedById: uploadedById } : {}),
    },
  });
}
