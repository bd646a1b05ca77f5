import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import type { SessionUser } from "@/lib/auth/session-user";
import { commentWhereFor } from "@/lib/comments/comment-scope";
import { listComments } from "@/lib/comments/list-comments";
import { getMeasureByCode } from "@/lib/measures/get-measure-by-code";
import { visibleReportsWhere } from "@/lib/reports/report-where";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const unitSelect = { id: true, code: true, nameZh: true, nameEn: true } as const;

/** The page's read before it became one statement: Prisma's `include`, one statement per relation. The reference. */
function prismaDetail(client: PrismaClient, code: string, viewerUnitId: string | null) {
  return client.measure.findUnique({
    where: { code },
    include: {
      area: { include: { programme: true } },
      leadUnit: { select: unitSelect },
      cooperatingUnits: { select: { unit: { select: unitSelect } }, orderBy: { unit: { code: "asc" } } },
      cities: { select: { city: true }, orderBy: { city: { sortOrder: "asc" } } },
      sourceDocuments: { select: { sourceDocument: true }, orderBy: { sourceDocument: { issuedOn: "asc" } } },
      milestones: { orderBy: [{ dueDate: "asc" }, { sortOrder: "asc" }] },
      progressReports: {
        where: visibleReportsWhere(viewerUnitId),
        orderBy: [{ period: "desc" }, { unit: { code: "asc" } }],
        take: 24,
        include: { unit: { select: unitSelect }, author: { select: { displayName: true } }, reviewer: { select: { displayName: true } } },
      },
      extensionRequests: {
        orderBy: { createdAt: "desc" },
        include: { requestedBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } } },
      },
    },
  });
}

/** listComments' read before it became one statement (Prisma's select), the reference. */
function prismaComments(client: PrismaClient, user: SessionUser, of: { measureId: string } | { reportId: string }) {
  return client.comment.findMany({
    where: { ...of, ...commentWhereFor(user) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, reportId: true, authorId: true, body: true, createdAt: true, editedAt: true, deletedAt: true, version: true,
      author: { select: { displayName: true, role: true, unit: { select: { nameZh: true, nameEn: true } } } },
      mentions: { select: { user: { select: { id: true, displayName: true } } }, orderBy: { userId: "asc" } },
    },
  });
}

const sessionUser = (user: { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null }): SessionUser => ({
  id: user.id, loginName: user.loginName, displayName: user.displayName, role: user.role, unitId: user.unitId, mustChangePassword: false,
});

const month = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};

let f: Awaited<ReturnType<typeof seed>>;

async function seed() {
  const area = await seedArea(db);
  const lead = await seedUnit(db);
  const [coopB, coopA] = [await seedUnit(db), await seedUnit(db)];
  const other = await seedUnit(db);
  const leadOfficial = await seedUser(db, "OFFICIAL", lead.id);
  const coopOfficial = await seedUser(db, "OFFICIAL", coopA.id);
  const otherOfficial = await seedUser(db, "OFFICIAL", other.id);
  const inspector = await seedUser(db, "INSPECTOR", null);
  const measure = await seedMeasure(db, area.id, lead.id, [coopB.id, coopA.id]);
  // Every kind of column the page reads: decimals with four places, a suspension, dates and text.
  await db.measure.update({
    where: { id: measure.id },
    data: {
      kpiNameZh: "覆盖率", kpiNameEn: "Coverage", kpiUnit: "%", kpiBaseline: "12.3456", kpiTarget: "99999999999999.9999", kpiActual: "0.0001",
      investmentPlanned: "12345678901234.56", investmentCompleted: "0.5", descriptionZh: "说明", suspendedReason: null,
    },
  });
  const suffix = uniqueSuffix();
  const cities = [
    await db.city.create({ data: { code: `tc-${suffix}-b`, nameZh: "乙市", nameEn: "City B", sortOrder: 902 } }),
    await db.city.create({ data: { code: `tc-${suffix}-a`, nameZh: "甲市", nameEn: "City A", sortOrder: 901 } }),
  ];
  await db.measureCity.createMany({ data: cities.map((city) => ({ measureId: measure.id, cityId: city.id })) });
  const documents = [
    await db.sourceDocument.create({ data: { code: `TD-${suffix}-2`, kind: "MEETING", titleZh: "会议", titleEn: "Meeting", issuedOn: new Date("2026-03-01T00:00:00Z") } }),
    await db.sourceDocument.create({
      data: { code: `TD-${suffix}-1`, kind: "DOCUMENT", titleZh: "文件", titleEn: "Document", issuedOn: new Date("2025-01-15T00:00:00Z"), endsOn: new Date("2027-12-31T00:00:00Z") },
    }),
  ];
  await db.measureSourceDocument.createMany({ data: documents.map((document) => ({ measureId: measure.id, sourceDocumentId: document.id })) });
  await db.milestone.createMany({
    data: [
      { measureId: measure.id, titleZh: "二", titleEn: "Two", dueDate: new Date("2026-09-30T00:00:00Z"), sortOrder: 2 },
      { measureId: measure.id, titleZh: "一", titleEn: "One", dueDate: new Date("2026-06-30T00:00:00Z"), completedOn: new Date("2026-06-20T00:00:00Z") },
      { measureId: measure.id, titleZh: "同日", titleEn: "Same day", dueDate: new Date("2026-09-30T00:00:00Z"), sortOrder: 1 },
    ],
  });
  // Reports of three units over several months: approved with figures and a reviewer, submitted, and drafts of two units.
  const approved = await seedReport(db, measure.id, lead.id, leadOfficial.id, month(-2), "APPROVED", 30);
  await db.progressReport.update({
    where: { id: approved.id },
    data: { kpiActual: "45.6789", investmentCompleted: "1234.50", reviewerId: inspector.id, reviewedAt: new Date(), reviewComment: "同意", problems: "无" },
  });
  await seedReport(db, measure.id, coopA.id, coopOfficial.id, month(-2), "APPROVED", 20);
  await seedReport(db, measure.id, coopB.id, leadOfficial.id, month(-1), "SUBMITTED", 25);
  const leadDraft = await seedReport(db, measure.id, lead.id, leadOfficial.id, month(0), "DRAFT", 50);
  const coopDraft = await seedReport(db, measure.id, coopA.id, coopOfficial.id, month(0), "DRAFT", 35);
  await db.extensionRequest.create({
    data: {
      measureId: measure.id, requestedById: leadOfficial.id, currentDueDate: new Date("2027-01-01T00:00:00Z"), requestedDueDate: new Date("2027-06-30T00:00:00Z"),
      reason: "需要时间", state: "APPROVED", decidedById: inspector.id, decidedAt: new Date(), decisionComment: "同意", createdAt: new Date(Date.now() - 3_600_000),
    },
  });
  await db.extensionRequest.create({
    data: { measureId: measure.id, requestedById: leadOfficial.id, currentDueDate: new Date("2027-06-30T00:00:00Z"), requestedDueDate: new Date("2027-12-31T00:00:00Z"), reason: "再延" },
  });
  // Comments: the discussion (one deleted, one naming two people), on an approved report, on each unit's draft.
  const at = (minutes: number) => new Date(Date.now() - 60_000 * (100 - minutes));
  const comment = (authorId: string, minutes: number, body: string, reportId: string | null = null, deletedAt: Date | null = null) =>
    db.comment.create({ data: { measureId: measure.id, reportId, authorId, body, createdAt: at(minutes), deletedAt } });
  const named = await comment(coopOfficial.id, 1, "请 @测试OFFICIAL 和 @测试INSPECTOR 补充");
  await db.commentMention.createMany({ data: [leadOfficial.id, inspector.id].map((userId) => ({ commentId: named.id, userId })) });
  await comment(inspector.id, 2, "已删除", null, new Date());
  await comment(inspector.id, 3, "报告意见", approved.id);
  const onLeadDraft = await comment(leadOfficial.id, 4, "草稿备注", leadDraft.id);
  const onCoopDraft = await comment(coopOfficial.id, 5, "协办草稿备注", coopDraft.id);
  const users = { leadOfficial, coopOfficial, otherOfficial, inspector, viewer: await seedUser(db, "VIEWER", null), admin: await seedUser(db, "ADMIN", null) };
  return { measure, lead, coopA, other, cities, documents, leadDraft, coopDraft, approved, onLeadDraft, onCoopDraft, users };
}

beforeAll(async () => {
  f = await seed();
});

afterAll(async () => {
  await db.measure.delete({ where: { id: f.measure.id } });
  await db.sourceDocument.deleteMany({ where: { id: { in: f.documents.map((document) => document.id) } } });
  // The db files share one database: leave no extra city behind (the seed test counts them).
  await db.city.deleteMany({ where: { id: { in: f.cities.map((city) => city.id) } } });
  await db.$disconnect();
});

describe("getMeasureByCode: the measure page's one-statement read", () => {
  it("gives exactly what Prisma's include gave, for every kind of viewer", async () => {
    for (const viewerUnitId of [f.lead.id, f.coopA.id, f.other.id, null]) {
      const expected = await prismaDetail(db, f.measure.code, viewerUnitId);
      const actual = await getMeasureByCode(db, f.measure.code, viewerUnitId);
      expect(actual).toEqual(expected);
      // Same types, not only the same values: the page formats Dates and Decimals.
      expect(actual!.kpiTarget!.toString()).toBe("99999999999999.9999");
      expect(actual!.investmentPlanned!.toString()).toBe("12345678901234.56");
      expect(actual!.progressReports.every((report) => report.period instanceof Date && report.createdAt instanceof Date)).toBe(true);
    }
    const shown = await getMeasureByCode(db, f.measure.code, f.lead.id);
    expect(shown!.cities.map(({ city }) => city.nameEn)).toEqual(["City A", "City B"]);
    expect(shown!.sourceDocuments.map(({ sourceDocument }) => sourceDocument.titleEn)).toEqual(["Document", "Meeting"]);
    expect(shown!.milestones.map((milestone) => milestone.titleEn)).toEqual(["One", "Same day", "Two"]);
    expect(shown!.extensionRequests.map((request) => [request.reason, request.decidedBy?.displayName ?? null])).toEqual([
      ["再延", null],
      ["需要时间", "测试INSPECTOR"],
    ]);
  });

  it("shows a viewer no other unit's drafts, and none without a unit", async () => {
    const reportIds = async (viewerUnitId: string | null) => (await getMeasureByCode(db, f.measure.code, viewerUnitId))!.progressReports.map((report) => report.id);
    expect(await reportIds(f.lead.id)).toContain(f.leadDraft.id);
    expect(await reportIds(f.lead.id)).not.toContain(f.coopDraft.id);
    expect(await reportIds(f.coopA.id)).toContain(f.coopDraft.id);
    expect(await reportIds(f.coopA.id)).not.toContain(f.leadDraft.id);
    for (const viewerUnitId of [f.other.id, null]) {
      const ids = await reportIds(viewerUnitId);
      expect(ids).toHaveLength(3);
      expect(ids).not.toContain(f.leadDraft.id);
      expect(ids).not.toContain(f.coopDraft.id);
    }
  });

  it("keeps to the latest 24 readable reports, newest first", async () => {
    const expected = await prismaDetail(db, f.measure.code, f.lead.id);
    for (let offset = -30; offset < -2; offset++) await seedReport(db, f.measure.id, f.lead.id, f.leadDraft.authorId, month(offset), "APPROVED", 10);
    const [withMany, reference] = await Promise.all([getMeasureByCode(db, f.measure.code, f.lead.id), prismaDetail(db, f.measure.code, f.lead.id)]);
    expect(withMany!.progressReports).toHaveLength(24);
    expect(withMany).toEqual(reference);
    expect(reference).not.toEqual(expected);
  });

  it("is null for an unknown code", async () => {
    expect(await getMeasureByCode(db, `no-such-${uniqueSuffix()}`, f.lead.id)).toBeNull();
  });
});

describe("listComments: the discussion's one-statement read", () => {
  it("gives every reader exactly the comments and fields Prisma gave, on the measure and on each report", async () => {
    const now = new Date();
    for (const person of Object.values(f.users)) {
      const user = sessionUser(person);
      for (const of of [{ measureId: f.measure.id }, { reportId: f.approved.id }, { reportId: f.leadDraft.id }, { reportId: f.coopDraft.id }]) {
        const reference = await prismaComments(db, user, of);
        const comments = await listComments(db, user, of, now);
        expect(comments.map((comment) => comment.id)).toEqual(reference.map((row) => row.id));
        expect(comments.map(({ author, mentions, body }) => ({ author, mentions, body }))).toEqual(
          reference.map((row) => ({ author: row.author, mentions: row.deletedAt ? [] : row.mentions.map((mention) => mention.user), body: row.deletedAt ? null : row.body })),
        );
        expect(comments.map(({ createdAt, editedAt, version }) => ({ createdAt, editedAt, version }))).toEqual(
          reference.map((row) => ({ createdAt: row.createdAt.toISOString(), editedAt: row.editedAt?.toISOString() ?? null, version: row.version })),
        );
      }
    }
    const discussion = await listComments(db, sessionUser(f.users.leadOfficial), { measureId: f.measure.id }, now);
    expect(discussion.map((comment) => comment.body)).toEqual(["请 @测试OFFICIAL 和 @测试INSPECTOR 补充", null, "报告意见", "草稿备注"]);
    expect(discussion[0]!.mentions).toHaveLength(2);
    expect(discussion[0]!.author.unit).not.toBeNull();
  });

  it("never shows a draft's comments outside the draft's unit", async () => {
    const now = new Date();
    const ids = async (person: keyof typeof f.users) => (await listComments(db, sessionUser(f.users[person]), { measureId: f.measure.id }, now)).map((comment) => comment.id);
    expect(await ids("leadOfficial")).toContain(f.onLeadDraft.id);
    expect(await ids("leadOfficial")).not.toContain(f.onCoopDraft.id);
    expect(await ids("coopOfficial")).toContain(f.onCoopDraft.id);
    for (const person of ["otherOfficial", "inspector", "viewer", "admin"] as const) {
      expect(await ids(person)).toHaveLength(3);
      expect(await ids(person)).not.toContain(f.onLeadDraft.id);
      expect(await ids(person)).not.toContain(f.onCoopDraft.id);
    }
    expect(await listComments(db, sessionUser(f.users.otherOfficial), { reportId: f.leadDraft.id }, now)).toEqual([]);
  });
});
