import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/v1/attachments/[id]/route";
import { GET as thumbnailRoute } from "@/app/api/v1/attachments/[id]/thumbnail/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/v1/attachments/route";
import { cleanOrphanAttachments, ORPHAN_AGE_MS } from "@/lib/attachments/clean-orphans";
import { idleState } from "@/lib/errors/action-state";
import { saveReportAction } from "@/lib/reports/actions";
import { listMeasureHistory } from "@/lib/audit/list-measure-history";
import { historySentence } from "@/lib/audit/history-sentence";
import type { ObjectStore } from "@/lib/storage/object-store";
import { signInAs } from "../setup/request-context";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { sameSiteHeaders, tempDiskStore, testDb, uploadFile } from "./helpers";

const db = testDb();
const BASE = "http://localhost:3000";
let storeDir: string;
let store: ObjectStore;
let removeStore: () => void;

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };
const headers = sameSiteHeaders;
const upload = uploadFile;
const download = (id: string) => getRoute(new NextRequest(`${BASE}/api/v1/attachments/${id}`, { headers }), params(id));
const remove = (id: string) => deleteRoute(new NextRequest(`${BASE}/api/v1/attachments/${id}`, { method: "DELETE", headers }), params(id));
const storedKeys = async () => (await store.list("")).map((item) => item.key);

const photo = async (color = "#c00") => sharp({ create: { width: 640, height: 480, channels: 3, background: color } }).jpeg().toBuffer();
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(4096, 1)]);

let ownUnit: { id: string };
let otherUnit: { id: string };
let measure: { id: string; code: string };
let official: Awaited<ReturnType<typeof seedUser>>;
let otherOfficial: Awaited<ReturnType<typeof seedUser>>;
let viewer: Awaited<ReturnType<typeof seedUser>>;
let inspector: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  ({ dir: storeDir, store, remove: removeStore } = tempDiskStore("luoshi-attachments-"));
  const area = await seedArea(db);
  [ownUnit, otherUnit] = [await seedUnit(db), await seedUnit(db)];
  measure = await seedMeasure(db, area.id, ownUnit.id, [otherUnit.id]);
  official = await seedUser(db, "OFFICIAL", ownUnit.id);
  otherOfficial = await seedUser(db, "OFFICIAL", otherUnit.id);
  viewer = await seedUser(db, "VIEWER", null);
  inspector = await seedUser(db, "INSPECTOR", null);
});
beforeEach(() => {
  delete process.env.LUOSHI_ATTACHMENT_MAX_MB;
  delete process.env.LUOSHI_ATTACHMENT_PARENT_MAX_MB;
});
afterAll(async () => {
  removeStore();
  await db.$disconnect();
});

async function draftReport() {
  await db.progressReport.deleteMany({ where: { measureId: measure.id, unitId: ownUnit.id } });
  return seedReport(db, measure.id, ownUnit.id, official.id, currentPeriod(), "DRAFT");
}

describe("[ATTACHMENTS] upload", () => {
  it("stores a photo streamed to the store, with the detected type, its hash and a WebP thumbnail", async () => {
    const report = await draftReport();
    await signInAs(official);
    const bytes = await photo();
    const response = await upload({ parentType: "report", parentId: report.id }, bytes, "现场照片.png");
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ name: "现场照片.png", mimeType: "image/jpeg", size: bytes.length, parentType: "report", parentId: report.id, hasThumbnail: true });
    expect(body.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));

    const file = await download(body.id);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(file.headers.get("content-disposition")).toContain("inline; filename=\"attachment.jpg\"; filename*=UTF-8''%E7%8E%B0");

    const thumbnail = await thumbnailRoute(new NextRequest(`${BASE}/api/v1/attachments/${body.id}/thumbnail`, { headers }), params(body.id));
    const meta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 320, 240]);
    expect(await db.auditEvent.count({ where: { action: "attachment.download", entityId: body.id } })).toBe(1);
  });

  it("refuses a file over the limit while it streams: 413 naming the limit, nothing stored", async () => {
    process.env.LUOSHI_ATTACHMENT_MAX_MB = "0.05";
    const report = await draftReport();
    await signInAs(official);
    const before = await storedKeys();
    const response = await upload({ parentType: "report", parentId: report.id }, Buffer.concat([pdf, Buffer.alloc(200_000, 32)]), "big.pdf");
    expect(response.status).toBe(413);
    expect((await response.json()).error.fieldErrors.file).toEqual({ key: "attachmentTooLarge", values: { maxMb: 0.1 } });
    expect(await storedKeys()).toEqual(before);
    expect(await db.attachment.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("refuses a parent's files past their total", async () => {
    process.env.LUOSHI_ATTACHMENT_PARENT_MAX_MB = "0.01"; // ~10 KB
    const report = await draftReport();
    await signInAs(official);
    expect((await upload({ parentType: "report", parentId: report.id }, Buffer.concat([pdf, Buffer.alloc(6000, 32)]), "a.pdf")).status).toBe(201);
    const second = await upload({ parentType: "report", parentId: report.id }, Buffer.concat([pdf, Buffer.alloc(6000, 32)]), "b.pdf");
    expect(second.status).toBe(413);
    expect((await second.json()).error.fieldErrors.file.key).toBe("attachmentParentFull");
  });

  it("refuses an executable renamed .pdf, and text, whatever the name says: 415, nothing stored", async () => {
    const report = await draftReport();
    await signInAs(official);
    const before = await storedKeys();
    const response = await upload({ parentType: "report", parentId: report.id }, exe, "报告.pdf");
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("UNSUPPORTED_FILE_TYPE");
    expect((await upload({ parentType: "report", parentId: report.id }, Buffer.from("<html><script>x</script>"), "a.jpg")).status).toBe(415);
    expect(await storedKeys()).toEqual(before);
  });

  it("leaves nothing stored when the client goes away mid-upload", async () => {
    const report = await draftReport();
    await signInAs(official);
    const before = await storedKeys();
    const boundary = "----luoshi-test";
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="parentType"\r\n\r\nreport\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="parentId"\r\n\r\n${report.id}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(head + pdf.toString("latin1")));
        else if (sent < 5) controller.enqueue(new Uint8Array(64 * 1024));
        else controller.error(new Error("client went away"));
        sent++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    const response = await uploadRoute(
      new NextRequest(`${BASE}/api/v1/attachments`, {
        method: "POST",
        headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]),
      noParams,
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await storedKeys()).toEqual(before);
    expect(await db.attachment.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("lets only the parent's writers attach: not another unit to my report, not a viewer", async () => {
    const report = await draftReport();
    await signInAs(otherOfficial);
    expect((await upload({ parentType: "report", parentId: report.id }, pdf, "a.pdf")).status).toBe(403);
    await signInAs(viewer);
    expect((await upload({ parentType: "report", parentId: report.id }, pdf, "a.pdf")).status).toBe(403);
    await signInAs(official);
    expect((await upload({ parentType: "report", parentId: "nope" }, pdf, "a.pdf")).status).toBe(404);
    expect((await upload({ parentType: "measure", parentId: measure.id }, pdf, "plan.pdf")).status).toBe(201);
  });
});

describe("[ATTACHMENTS] files on a report never saved", () => {
  const reportForm = (overrides: Record<string, string> = {}) => {
    const form = new FormData();
    const values = { measureCode: measure.code, period: currentPeriod(), percentComplete: "30", progress: "附件前先存草稿", problems: "", nextSteps: "", intent: "save", ...overrides };
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    return form;
  };

  it("the form's first save answers the new draft's id, the files go to it, and no second draft can appear", async () => {
    await db.progressReport.deleteMany({ where: { measureId: measure.id, unitId: ownUnit.id } });
    await signInAs(official);
    // An invalid form saves nothing and names no draft: the uploader uploads nothing.
    const refused = await saveReportAction(idleState, reportForm({ progress: " " }));
    expect(refused).toMatchObject({ status: "error", fieldErrors: { progress: { key: "required" } } });
    expect(refused.status === "error" && "data" in refused).toBe(false);
    expect(await db.progressReport.count({ where: { measureId: measure.id, unitId: ownUnit.id } })).toBe(0);

    const saved = await saveReportAction(idleState, reportForm());
    expect(saved).toMatchObject({ status: "success", messageKey: "reportSaved" });
    const reportId = saved.status === "success" ? saved.data?.reportId : undefined;
    const row = await db.progressReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(row).toMatchObject({ state: "DRAFT", unitId: ownUnit.id, version: 1, progress: "附件前先存草稿" });
    expect((await upload({ parentType: "report", parentId: row.id }, pdf, "纪要.pdf")).status).toBe(201);

    // A second save sent without the version (the page not yet refreshed) is a conflict, not a second draft.
    expect(await saveReportAction(idleState, reportForm({ progress: "再次保存" }))).toMatchObject({ status: "error", code: "CONFLICT" });
    // With the version the refreshed form carries, the same draft is updated and keeps its file.
    expect(await saveReportAction(idleState, reportForm({ progress: "再次保存", version: "1" }))).toMatchObject({ status: "success", data: { reportId: row.id } });
    expect(await db.progressReport.count({ where: { measureId: measure.id, unitId: ownUnit.id } })).toBe(1);
    expect(await db.attachment.count({ where: { reportId: row.id, deletedAt: null } })).toBe(1);
  });
});

describe("[ATTACHMENTS] who sees what, and when files freeze", () => {
  it("a draft's files are its unit's alone; an approved report's evidence is open to every reader", async () => {
    const report = await draftReport();
    await signInAs(official);
    const { id } = await (await upload({ parentType: "report", parentId: report.id }, await photo(), "draft.jpg")).json();
    await signInAs(otherOfficial);
    expect((await download(id)).status).toBe(404);
    const listed = await (await listRoute(new NextRequest(`${BASE}/api/v1/attachments?measureId=${measure.id}`, { headers }), noParams)).json();
    expect(listed.items.map((item: { id: string }) => item.id)).not.toContain(id);
    await signInAs(viewer);
    expect((await download(id)).status).toBe(404);

    await db.progressReport.update({ where: { id: report.id }, data: { state: "APPROVED" } });
    await signInAs(viewer);
    expect((await download(id)).status).toBe(200);
    await signInAs(otherOfficial);
    expect((await download(id)).status).toBe(200);
  });

  it("freezes a submitted report's files; a returned report can change them again", async () => {
    const report = await draftReport();
    await signInAs(official);
    const { id } = await (await upload({ parentType: "report", parentId: report.id }, pdf, "证明.pdf")).json();
    await db.progressReport.update({ where: { id: report.id }, data: { state: "SUBMITTED" } });
    expect((await upload({ parentType: "report", parentId: report.id }, pdf, "late.pdf")).status).toBe(409);
    expect((await remove(id)).status).toBe(409);
    await db.progressReport.update({ where: { id: report.id }, data: { state: "RETURNED" } });
    expect((await upload({ parentType: "report", parentId: report.id }, pdf, "more.pdf")).status).toBe(201);
  });

  it("removing marks the row, keeps the bytes, and shows in the history", async () => {
    const report = await draftReport();
    await signInAs(official);
    const { id } = await (await upload({ parentType: "report", parentId: report.id }, pdf, "作废.pdf")).json();
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    await signInAs(otherOfficial);
    expect((await remove(id)).status).toBe(404);
    await signInAs(official);
    expect((await remove(id)).status).toBe(204);
    expect(await db.attachment.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedById: official.id });
    expect((await download(id)).status).toBe(404);
    expect(await store.exists(row.storageKey)).toBe(true);
    const history = await listMeasureHistory(db, measure.id, ownUnit.id);
    const sentences = history.filter((event) => event.action.startsWith("attachment.")).map((event) => historySentence(event, "zh-CN"));
    expect(sentences.some((sentence) => sentence.includes("删除了佐证材料“作废.pdf”"))).toBe(true);
  });
});

describe("[ATTACHMENTS] orphan cleanup", () => {
  it("deletes stored objects without a row after an hour, keeps young ones and those with a row", async () => {
    const report = await draftReport();
    await signInAs(official);
    const { id } = await (await upload({ parentType: "report", parentId: report.id }, await photo("#0c0"), "kept.jpg")).json();
    const kept = await db.attachment.findUniqueOrThrow({ where: { id } });
    // An upload cut off after storing, before its row (its process died): bytes with no row.
    await store.put("attachments/deadbeef", Readable.from([pdf]), "application/pdf");
    await store.put("attachments/young", Readable.from([pdf]), "application/pdf");
    const old = new Date(Date.now() - ORPHAN_AGE_MS - 60_000);
    for (const key of ["attachments/deadbeef", kept.storageKey, kept.thumbnailKey!]) fs.utimesSync(path.join(storeDir, key), old, old);

    const result = await cleanOrphanAttachments(db, store, new Date());
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await store.exists("attachments/deadbeef")).toBe(false);
    expect(await store.exists("attachments/young")).toBe(true);
    expect(await store.exists(kept.storageKey)).toBe(true);
    expect(await store.exists(kept.thumbnailKey!)).toBe(true);
  });
});
