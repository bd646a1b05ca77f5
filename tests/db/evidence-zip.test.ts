import JSZip from "jszip";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/measures/[code]/evidence.zip/route";
import type { ObjectStore } from "@/lib/storage/object-store";
import { signInAs } from "../setup/request-context";
import { seedArea, seedAttachment, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { storedAttachment, tempDiskStore, testDb } from "./helpers";

const db = testDb();
let store: ObjectStore;
let removeStore: () => void;
let measure: { id: string; code: string };
let ownUnit: { id: string; nameZh: string; nameEn: string };
let otherUnit: { id: string; nameZh: string; nameEn: string };
let official: Awaited<ReturnType<typeof seedUser>>;
let otherOfficial: Awaited<ReturnType<typeof seedUser>>;
const ids: Record<string, string> = {};

/** A file row with its bytes stored (the content is its label, to check what ended up where). */
async function file(label: string, parent: Parameters<typeof seedAttachment>[1], name: string, extra: Parameters<typeof seedAttachment>[4] = {}) {
  const row = await storedAttachment(db, store, parent, official.id, name, Buffer.from(label), extra);
  ids[label] = row.id;
  return row;
}

const zipOf = (code: string, query = "") =>
  GET(new NextRequest(`http://localhost:3000/api/v1/measures/${encodeURIComponent(code)}/evidence.zip${query}`, { headers: { host: "localhost:3000" } }), {
    params: Promise.resolve({ code }),
  });

/** The zip's entries: name → content. */
async function entries(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const out: Record<string, string> = {};
  for (const entry of Object.values(zip.files)) if (!entry.dir) out[entry.name] = await entry.async("string");
  return out;
}

beforeAll(async () => {
  ({ store, remove: removeStore } = tempDiskStore("luoshi-evidence-zip-"));
  const area = await seedArea(db);
  [ownUnit, otherUnit] = [await seedUnit(db), await seedUnit(db)];
  measure = await seedMeasure(db, area.id, ownUnit.id, [otherUnit.id]);
  official = await seedUser(db, "OFFICIAL", ownUnit.id);
  otherOfficial = await seedUser(db, "OFFICIAL", otherUnit.id);
  const october = new Date("2026-10-15T04:00:00Z");
  const report = await seedReport(db, measure.id, ownUnit.id, official.id, "2026-10", "SUBMITTED");
  const draft = await seedReport(db, measure.id, otherUnit.id, otherOfficial.id, "2026-10", "DRAFT");
  const milestone = await db.milestone.create({ data: { measureId: measure.id, titleZh: "开工/验收", titleEn: "Start", dueDate: new Date("2026-12-31T00:00:00Z") } });
  await file("report-1", { measureId: measure.id, reportId: report.id }, "photo.jpg", { createdAt: october });
  await file("report-2", { measureId: measure.id, reportId: report.id }, "PHOTO.jpg", { createdAt: october });
  await file("report-evil", { measureId: measure.id, reportId: report.id }, "../../etc/passwd\u202e.pdf", { createdAt: october });
  await file("report-removed", { measureId: measure.id, reportId: report.id }, "removed.jpg", { createdAt: october, deletedAt: october });
  await file("draft", { measureId: measure.id, reportId: draft.id }, "draft.jpg", { createdAt: october });
  // 2026-09-30 20:00 UTC is 1 October in China: this month's.
  await file("measure-oct", { measureId: measure.id }, "site.jpg", { createdAt: new Date("2026-09-30T20:00:00Z") });
  await file("milestone-sep", { measureId: measure.id, milestoneId: milestone.id }, "plan.pdf", { createdAt: new Date("2026-09-10T04:00:00Z") });
});
afterAll(async () => {
  removeStore();
  await db.$disconnect();
});

describe("[ATTACH] evidence zip", () => {
  it("holds exactly the files the user may open, one folder per parent, names safe and numbered", async () => {
    await signInAs(official);
    const files = await entries(await zipOf(measure.code, "?lang=zh-CN"));
    const report = `2026-10 报告（${ownUnit.nameZh}）`;
    expect(files).toEqual({
      [`${report}/photo.jpg`]: "report-1",
      [`${report}/PHOTO (2).jpg`]: "report-2",
      [`${report}/passwd.pdf`]: "report-evil",
      "任务附件/site.jpg": "measure-oct",
      "节点：开工_验收/plan.pdf": "milestone-sep",
    });
    for (const name of Object.keys(files)) expect(name).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|\\/);
  });

  it("gives another unit's official their own draft's files too, and keeps to one month when asked", async () => {
    await signInAs(otherOfficial);
    const all = await entries(await zipOf(measure.code, "?lang=en"));
    expect(Object.values(all).sort()).toEqual(["draft", "measure-oct", "milestone-sep", "report-1", "report-2", "report-evil"]);
    expect(Object.keys(all)).toContain(`Report of 2026-10 (${otherUnit.nameEn})/draft.jpg`);
    const october = await entries(await zipOf(measure.code, "?period=2026-10&lang=en"));
    expect(Object.values(october).sort()).toEqual(["draft", "measure-oct", "report-1", "report-2", "report-evil"]);
    const august = await entries(await zipOf(measure.code, "?period=2026-08"));
    expect(august).toEqual({});
  });

  it("records each file in it as a download", async () => {
    const reader = await seedUser(db, "VIEWER", null);
    await signInAs(reader);
    await entries(await zipOf(measure.code, "?period=2026-10"));
    const events = await db.auditEvent.findMany({ where: { action: "attachment.download", actorId: reader.id } });
    expect(events.map((event) => event.entityId).sort()).toEqual([ids["measure-oct"], ids["report-1"], ids["report-2"], ids["report-evil"]].sort());
  });

  it("leaves out a file whose bytes are missing, and still sends the others", async () => {
    const area = await seedArea(db);
    const other = await seedMeasure(db, area.id, ownUnit.id);
    await seedAttachment(db, { measureId: other.id }, official.id, "lost.jpg");
    await storedAttachment(db, store, { measureId: other.id }, official.id, "kept.jpg", Buffer.from("kept"));
    await signInAs(official);
    expect(await entries(await zipOf(other.code, "?lang=en"))).toEqual({ "On the measure/kept.jpg": "kept" });
  });

  it("answers 404 for an unknown measure, 422 for a bad month, 401 without a session", async () => {
    await signInAs(official);
    expect((await zipOf("NO.SUCH")).status).toBe(404);
    expect((await zipOf(measure.code, "?period=2026-13")).status).toBe(422);
    await signInAs(null);
    expect((await zipOf(measure.code)).status).toBe(401);
  });
});
