import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { latestLeadReports, type LeadReportText } from "@/lib/reports/latest-lead-reports";
import zh from "@/messages/zh-CN.json";
import { cities as circleCities } from "@/prisma/seed/data/cities";
import { seedArea, seedAttachment, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

/**
 * The CSV export's bytes, pinned against the output of the code before the export's
 * statements were cut (2026-12-03: the lead unit's latest report by one probe per
 * measure, the view's rows in one statement rather than one per batch). The fixture is
 * deterministic but for a random suffix in codes and names, replaced before hashing.
 */

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const labels = {
  locale: "zh-CN",
  columns: zh.export.columns.split("|"),
  light: (light: string) => zh.lights[light as "RED"],
  sample: zh.export.sample,
  ongoing: zh.measureOngoing.due,
  kpi: ({ name, target, actual }: { name: string; target: string; actual: string }) => `${name}：目标 ${target}，实际 ${actual}`,
  investment: ({ planned, completed }: { planned: string; completed: string }) => `计划 ${planned}，完成 ${completed}`,
  notices: ({ open, overdue, level }: { open: number; overdue: number; level: string }) => `${open}/${overdue}/${level}`,
};
/** More than one batch of 200. */
const MEASURES = 230;
let area: string;
let ids: string[];
const suffixes: string[] = [];

/** The statement latestLeadReports ran before (DISTINCT ON over all the measures' reports): the reference. */
async function referenceLatestLeadReports(measureIds: string[], upTo?: string): Promise<Map<string, LeadReportText>> {
  const rows = await db.$queryRaw<LeadReportText[]>(Prisma.sql`
    SELECT DISTINCT ON (r."measureId") r."measureId", r.progress, r.problems, r."nextSteps",
      (SELECT count(*)::int FROM "Attachment" a WHERE a."reportId" = r.id AND a."deletedAt" IS NULL) AS "evidenceFiles"
    FROM "ProgressReport" r JOIN "Measure" m ON m.id = r."measureId" AND r."unitId" = m."leadUnitId"
    WHERE r."measureId" = ANY(${measureIds}) AND r.state <> 'DRAFT'
      ${upTo ? Prisma.sql`AND r.period <= ${upTo}::date` : Prisma.empty}
    ORDER BY r."measureId", r.period DESC, r."updatedAt" DESC`);
  return new Map(rows.map((row) => [row.measureId, row]));
}

const sorted = (map: Map<string, LeadReportText>) => [...map.values()].sort((a, b) => a.measureId.localeCompare(b.measureId));

beforeAll(async () => {
  const areaRow = await seedArea(db);
  area = areaRow.code;
  suffixes.push(area.slice(3));
  const [lead, coop, former] = [await seedUnit(db), await seedUnit(db), await seedUnit(db)];
  for (const unit of [lead, coop, former]) suffixes.push(unit.code.slice("t-unit-".length));
  const author = await seedUser(db, "OFFICIAL", lead.id);
  const cityIds = await Promise.all(
    circleCities.slice(0, 3).map(async (city) => (await db.city.upsert({ where: { code: city.code }, update: {}, create: city })).id),
  );
  const prefix = `P${uniqueSuffix()}`;
  suffixes.push(prefix.slice(1));
  const statuses = ["IN_PROGRESS", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "NOT_STARTED"] as const;
  await db.measure.createMany({
    data: Array.from({ length: MEASURES }, (_, i) => ({
      code: `${prefix}.${String(i).padStart(3, "0")}`,
      areaId: areaRow.id,
      leadUnitId: lead.id,
      titleZh: `固定措施${i}${i % 9 === 0 ? "，含逗号" : ""}`,
      titleEn: `Pinned measure ${i}`,
      responsiblePerson: i % 4 === 0 ? null : `责任人${i % 6}`,
      startDate: new Date(`2025-${String(1 + (i % 12)).padStart(2, "0")}-01T00:00:00Z`),
      dueDate: i % 17 === 0 ? null : new Date(`2027-${String(1 + (i % 12)).padStart(2, "0")}-15T00:00:00Z`),
      ongoing: i % 17 === 0,
      status: statuses[i % statuses.length]!,
      percentComplete: (i * 7) % 101,
      sortOrder: i % 5,
      isSample: i % 50 === 0,
      ...(i % 8 === 0 ? { kpiNameZh: "新增里程", kpiNameEn: "New length", kpiUnit: "公里", kpiTarget: `${i}.5`, kpiActual: `${i % 30}` } : {}),
      ...(i % 10 === 0 ? { investmentPlanned: `${i * 100}.25`, investmentCompleted: `${i * 10}` } : {}),
    })),
  });
  const measures = await db.measure.findMany({ where: { areaId: areaRow.id }, orderBy: { code: "asc" }, select: { id: true, code: true } });
  ids = measures.map((measure) => measure.id);
  await db.measureCooperatingUnit.createMany({ data: measures.flatMap((measure, i) => (i % 3 === 0 ? [{ measureId: measure.id, unitId: coop.id }] : [])) });
  await db.measureCity.createMany({ data: measures.flatMap((measure, i) => cityIds.filter((_, c) => (i + c) % 4 === 0).map((cityId) => ({ measureId: measure.id, cityId }))) });
  const report = (measureId: string, unitId: string, period: string, state: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED", i: number) => ({
    measureId,
    unitId,
    authorId: author.id,
    period: new Date(`${period}-01T00:00:00Z`),
    percentComplete: (i * 7) % 101,
    status: "IN_PROGRESS" as const,
    progress: `${period} 进展${i}`,
    problems: i % 6 === 0 ? `问题"${i}"` : "",
    nextSteps: i % 7 === 0 ? `=下一步${i}` : `下一步${i}`,
    state,
    submittedAt: state === "DRAFT" ? null : new Date("2026-11-01T00:00:00Z"),
  });
  await db.progressReport.createMany({
    data: measures.flatMap((measure, i) => [
      ...(i % 2 === 0 ? [report(measure.id, lead.id, "2026-08", "APPROVED", i)] : []),
      ...(i % 4 === 0 ? [report(measure.id, lead.id, "2026-09", "SUBMITTED", i)] : []),
      ...(i % 5 === 0 ? [report(measure.id, lead.id, "2026-10", i % 10 === 0 ? "DRAFT" : "RETURNED", i)] : []),
      // A cooperating unit's and a former lead unit's later reports are never the measure's.
      ...(i % 3 === 0 ? [report(measure.id, coop.id, "2026-11", "APPROVED", i)] : []),
      ...(i % 7 === 0 ? [report(measure.id, former.id, "2026-11", "SUBMITTED", i)] : []),
    ]),
  });
  const withFiles = await db.progressReport.findMany({ where: { measureId: { in: ids.filter((_, i) => i % 8 === 0) } }, orderBy: [{ measureId: "asc" }, { period: "asc" }] });
  for (const [n, row] of withFiles.entries()) {
    await seedAttachment(db, { measureId: row.measureId, reportId: row.id }, author.id, "a.jpg");
    if (n % 2 === 0) await seedAttachment(db, { measureId: row.measureId, reportId: row.id }, author.id, "gone.jpg", { deletedAt: new Date() });
  }
}, 120_000);
afterAll(() => db.$disconnect());

describe("[EXPORT] the CSV's bytes stay as they were", () => {
  it("the lead unit's latest report and its files: the same as the former DISTINCT ON statement, up to a month too", async () => {
    for (const upTo of [undefined, "2026-08-01", "2026-09-01", "2026-07-01"]) {
      const current = await latestLeadReports(db, ids, upTo ? new Date(`${upTo}T00:00:00Z`) : undefined);
      expect(sorted(current)).toEqual(sorted(await referenceLatestLeadReports(ids, upTo)));
    }
    const all = await latestLeadReports(db, ids);
    // Every even measure has a report (the 2026-08 approval); a draft or another unit's report is never the one shown.
    expect(all.size).toBe(ids.filter((_, i) => i % 2 === 0 || i % 5 === 0).length);
    expect(all.get(ids[10]!)?.progress).toBe("2026-08 进展10");
    expect(all.get(ids[5]!)?.progress).toBe("2026-10 进展5");
    expect(all.get(ids[8]!)?.progress).toBe("2026-09 进展8");
    expect(all.get(ids[8]!)?.evidenceFiles).toBe(1);
    expect((await latestLeadReports(db, ids, new Date("2026-07-01T00:00:00Z"))).size).toBe(0);
  });

  it("the CSV of a view of more than one batch is byte for byte the former export's", async () => {
    const query = ledgerQuerySchema.parse({ area, sort: "code" });
    let text = await new Response(ledgerCsvStream(db, query, today, settings, labels)).text();
    for (const suffix of suffixes) text = text.split(suffix).join("~");
    expect(text.split("\r\n")).toHaveLength(MEASURES + 2);
    // Hash of the normalised file written by the export before the change (commit a1711d9).
    expect(createHash("sha256").update(text).digest("hex")).toBe("f1a5920e3004b1a32721282f77c867c5b42b4a625cd5d824451d2bf87b4d2943");
  });
});
