import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as downloadRoute } from "@/app/api/v1/attachments/[id]/route";
import { GET as zipRoute } from "@/app/api/v1/measures/[code]/evidence.zip/route";
import type { SessionUser } from "@/lib/auth/session-user";
import { saveReport } from "@/lib/reports/save-report";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import { createObjectStore, setObjectStore } from "@/lib/storage/create-object-store";
import { createDiskStore } from "@/lib/storage/disk-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { signInAs } from "../setup/request-context";
import { seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { sameSiteHeaders, storedAttachment, testDb, uploadFile } from "./helpers";

/**
 * #17 "a storage backend that is down gives a clear error and loses no report
 * text": S3 that cannot be reached (a closed port, and a real s3rver stopped
 * mid-test) and a disk directory that cannot be written. Uploads answer 503
 * STORAGE_UNAVAILABLE with Retry-After and leave no row and no object;
 * downloads of files stored before answer 503, not 500; the report's text is
 * saved and submitted all the same.
 */

const db = testDb();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-storage-down-"));
const today = new Date();
const period = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(today).slice(0, 7);
const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), Buffer.alloc(2000, 32)]);

let areaId: string;
let unitId: string;
let official: SessionUser;

const s3Env = (port: number) => ({
  LUOSHI_STORAGE: "s3",
  S3_ENDPOINT: `http://127.0.0.1:${port}`,
  S3_BUCKET: "evidence",
  S3_REGION: "us-east-1",
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const download = (id: string) =>
  downloadRoute(new NextRequest(`http://localhost:3000/api/v1/attachments/${id}`, { headers: sameSiteHeaders }), { params: Promise.resolve({ id }) });
const zip = (code: string) =>
  zipRoute(new NextRequest(`http://localhost:3000/api/v1/measures/${code}/evidence.zip`, { headers: sameSiteHeaders }), { params: Promise.resolve({ code }) });

/** A measure with a draft report of the official's unit, whose text is saved before the upload. */
async function measureWithDraft() {
  const measure = await seedMeasure(db, areaId, unitId);
  const { reportId } = await saveReport(db, official, reportForm(measure.code, "save", "一稿：完成主体工程"), today);
  return { measure, reportId };
}

function reportForm(measureCode: string, intent: "save" | "submit", progress: string, version?: number) {
  return saveReportInputSchema.parse({
    measureCode,
    period,
    percentComplete: "60",
    progress,
    problems: "资金到位慢",
    nextSteps: "加快验收",
    intent,
    ...(version ? { version: String(version) } : {}),
  });
}

/** Upload with the store down: 503 STORAGE_UNAVAILABLE with Retry-After, no row; then the report's text still saves and submits. */
async function expectUploadRefusedAndTextKept(reportId: string, measureCode: string, stored: () => Promise<string[]>) {
  const before = await stored();
  const response = await uploadFile({ parentType: "report", parentId: reportId }, pdf, "批复.pdf");
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("30");
  expect((await response.json()).error.code).toBe("STORAGE_UNAVAILABLE");
  expect(await db.attachment.count({ where: { reportId } })).toBe(0);
  expect(await stored()).toEqual(before);

  const draft = await db.progressReport.findUniqueOrThrow({ where: { id: reportId } });
  await saveReport(db, official, reportForm(measureCode, "save", "二稿：主体工程完工，附件稍后补", draft.version), today);
  await saveReport(db, official, reportForm(measureCode, "submit", "定稿：主体工程完工，附件稍后补", draft.version + 1), today);
  expect(await db.progressReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
    state: "SUBMITTED",
    progress: "定稿：主体工程完工，附件稍后补",
  });
}

beforeAll(async () => {
  areaId = (await seedArea(db)).id;
  unitId = (await seedUnit(db)).id;
  official = { ...(await seedUser(db, "OFFICIAL", unitId)), mustChangePassword: false };
});
afterAll(async () => {
  setObjectStore(undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.$disconnect();
});

describe("[ATTACHMENTS] the object store down", () => {
  it("S3 on a port nobody listens on: uploads 503 with nothing kept, the report text saves and submits", async () => {
    setObjectStore(createObjectStore(s3Env(await closedPort())));
    const { measure, reportId } = await measureWithDraft();
    await signInAs(official);
    await expectUploadRefusedAndTextKept(reportId, measure.code, async () => []);
  });

  it("S3 stopped mid-way: files stored before answer 503 (not 500), new uploads 503 and leave no object", async () => {
    const s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(tmp, "s3"), configureBuckets: [{ name: "evidence" }] });
    const { port } = await s3rver.run();
    const store: ObjectStore = createObjectStore(s3Env(port));
    setObjectStore(store);
    const { measure, reportId } = await measureWithDraft();
    const earlier = await storedAttachment(db, store, { measureId: measure.id }, official.id, "site.pdf", pdf, { mimeType: "application/pdf" });
    await signInAs(official);
    expect((await download(earlier.id)).status).toBe(200);
    const keysBefore = (await store.list("")).map((item) => item.key);

    await s3rver.close();
    const file = await download(earlier.id);
    expect(file.status).toBe(503);
    expect(file.headers.get("retry-after")).toBe("30");
    expect((await file.json()).error.code).toBe("STORAGE_UNAVAILABLE");
    const archive = await zip(measure.code);
    expect(archive.status).toBe(503);
    expect((await archive.json()).error.code).toBe("STORAGE_UNAVAILABLE");
    // Only the download that worked is in the history: neither 503 counts as one.
    expect(await db.auditEvent.count({ where: { action: "attachment.download", entityId: earlier.id } })).toBe(1);
    await expectUploadRefusedAndTextKept(reportId, measure.code, async () => []);

    // Back up (same port, same directory): nothing new was left behind by the refused upload.
    const again = new S3rver({ port, address: "127.0.0.1", silent: true, directory: path.join(tmp, "s3"), configureBuckets: [{ name: "evidence" }] });
    await again.run();
    try {
      expect((await store.list("")).map((item) => item.key)).toEqual(keysBefore);
      expect((await download(earlier.id)).status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it("a disk directory that cannot be written (its path runs through a file): uploads 503, nothing kept, the text saves", async () => {
    const blocker = path.join(tmp, "not-a-directory");
    fs.writeFileSync(blocker, "a file where the attachments directory should be");
    setObjectStore(createDiskStore(path.join(blocker, "attachments")));
    const { measure, reportId } = await measureWithDraft();
    await signInAs(official);
    await expectUploadRefusedAndTextKept(reportId, measure.code, async () => (fs.existsSync(blocker) ? [fs.readFileSync(blocker, "utf8")] : []));
  });

  it("a disk directory gone (a volume not mounted): files stored before answer 503, not 404 or 500", async () => {
    const dir = path.join(tmp, "volume");
    const store = createDiskStore(dir);
    setObjectStore(store);
    const measure = await seedMeasure(db, areaId, unitId);
    const earlier = await storedAttachment(db, store, { measureId: measure.id }, official.id, "site.pdf", pdf, { mimeType: "application/pdf" });
    await signInAs(official);
    expect((await download(earlier.id)).status).toBe(200);
    fs.renameSync(dir, `${dir}.unmounted`);
    const file = await download(earlier.id);
    expect(file.status).toBe(503);
    expect((await file.json()).error.code).toBe("STORAGE_UNAVAILABLE");
    fs.renameSync(`${dir}.unmounted`, dir);
    fs.rmSync(path.join(dir, earlier.storageKey));
    // The directory there, the file not: that one file is missing, not the store.
    expect((await download(earlier.id)).status).toBe(404);
  });
});
