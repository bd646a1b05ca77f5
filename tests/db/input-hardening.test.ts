import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { createDeflateRaw } from "node:zlib";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/measures/import/route";
import { GET as listReportsRoute, POST as postReport } from "@/app/api/v1/reports/route";
import { API_MAX_JSON_BYTES } from "@/lib/api/read-json-body";
import { withImportSlot } from "@/lib/measure-import/import-slot";
import zh from "@/messages/zh-CN.json";
import { signInAs } from "../setup/request-context";
import { currentPeriod, seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

/**
 * Bad input at the HTTP boundary never gives 500: every case gets its 4xx
 * with a clear code, and nothing is written.
 */
const db = testDb();
const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };

let official: Awaited<ReturnType<typeof seedUser>>;
let admin: Awaited<ReturnType<typeof seedUser>>;
let areaId: string;
let unit: { id: string; code: string; nameZh: string };
let area: { id: string; code: string };

beforeAll(async () => {
  area = await seedArea(db);
  areaId = area.id;
  unit = await seedUnit(db);
  official = await seedUser(db, "OFFICIAL", unit.id);
  admin = await seedUser(db, "ADMIN", unit.id);
});
afterAll(() => db.$disconnect());

type Options = { headers?: Record<string, string>; body?: BodyInit; duplex?: "half" };
function postReportRaw({ headers = {}, body, duplex }: Options) {
  const init = { method: "POST", headers: { host: "localhost:3000", "content-type": "application/json", ...headers }, body, ...(duplex ? { duplex } : {}) };
  return postReport(new NextRequest(`${BASE}/api/v1/reports`, init as ConstructorParameters<typeof NextRequest>[1]), noParams);
}
const sameOrigin = { origin: BASE };
const reportBody = (measureCode: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ measureCode, period: currentPeriod(), percentComplete: 35, progress: "接口报送的进展", submit: true, ...extra });

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { error?: { code: string; fieldErrors: Record<string, { key: string }> } } };
}
const newMeasure = () => seedMeasure(db, areaId, unit.id);
const reportsOf = (measureId: string) => db.progressReport.count({ where: { measureId } });

describe("[INPUT] same-origin check of cookie requests", () => {
  it("Origin: null → 403 BAD_ORIGIN, nothing written", async () => {
    const measure = await newMeasure();
    await signInAs(official);
    const { status, body } = await answer(await postReportRaw({ headers: { origin: "null" }, body: reportBody(measure.code) }));
    expect(status).toBe(403);
    expect(body.error?.code).toBe("BAD_ORIGIN");
    expect(await reportsOf(measure.id)).toBe(0);
  });

  it("an Origin that is not a URL → 403 BAD_ORIGIN", async () => {
    const measure = await newMeasure();
    await signInAs(official);
    for (const origin of ["not a url", "http://", "file://"]) {
      const { status, body } = await answer(await postReportRaw({ headers: { origin }, body: reportBody(measure.code) }));
      expect(status, origin).toBe(403);
      expect(body.error?.code).toBe("BAD_ORIGIN");
    }
  });

  it("X-Forwarded-Host does not make another site's Origin same-origin", async () => {
    const measure = await newMeasure();
    await signInAs(official);
    const headers = { origin: "http://evil.example", "x-forwarded-host": "evil.example" };
    const { status, body } = await answer(await postReportRaw({ headers, body: reportBody(measure.code) }));
    expect(status).toBe(403);
    expect(body.error?.code).toBe("BAD_ORIGIN");
    expect(await reportsOf(measure.id)).toBe(0);
  });

  it("control: this site's Origin is accepted", async () => {
    const measure = await newMeasure();
    await signInAs(official);
    expect((await postReportRaw({ headers: sameOrigin, body: reportBody(measure.code) })).status).toBe(201);
  });
});

describe("[INPUT] JSON bodies", () => {
  it(`a body over ${API_MAX_JSON_BYTES / 1024} KB → 413 PAYLOAD_TOO_LARGE (not invalidJson), with or without Content-Length`, async () => {
    const measure = await newMeasure();
    await signInAs(official);
    const big = reportBody(measure.code, { progress: "x".repeat(API_MAX_JSON_BYTES + 10) });
    const declared = await answer(await postReportRaw({ headers: { ...sameOrigin, "content-length": String(Buffer.byteLength(big)) }, body: big }));
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fieldErrors: { form: { key: "bodyTooLarge" } } });
    // Chunked: no length is declared, the limit is counted as the body arrives.
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(`{"measureCode":"${measure.code}","progress":"`));
        if (sent > API_MAX_JSON_BYTES * 4) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const chunked = await answer(await postReportRaw({ headers: sameOrigin, body: stream, duplex: "half" }));
    expect(chunked.status).toBe(413);
    expect(sent).toBeLessThan(API_MAX_JSON_BYTES * 2);
    expect(await reportsOf(measure.id)).toBe(0);
  });

  it("control: malformed JSON is still 422 invalidJson", async () => {
    await signInAs(official);
    const { status, body } = await answer(await postReportRaw({ headers: sameOrigin, body: "{not json" }));
    expect(status).toBe(422);
    expect(body.error?.fieldErrors.form?.key).toBe("invalidJson");
  });

  it("a lone surrogate in any string → 400 BAD_REQUEST naming the field, nothing written", async () => {
    const measure = await newMeasure();
    await signInAs(official);
    for (const [field, patch] of [
      ["progress", { progress: "进展\ud800" }],
      ["measureCode", { measureCode: `${measure.code}\udc00` }],
      ["problems", { problems: "a\ud83d" }],
    ] as const) {
      const { status, body } = await answer(await postReportRaw({ headers: sameOrigin, body: reportBody(measure.code, patch) }));
      expect(status, field).toBe(400);
      expect(body.error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { [field]: { key: "forbiddenCharacters" } } });
    }
    expect(await reportsOf(measure.id)).toBe(0);
  });

  it("period 0000-01 (and other years out of range) → 4xx, never 500", async () => {
    const measure = await newMeasure();
    await signInAs(official);
    for (const period of ["0000-01", "0099-12", "1999-12"]) {
      const { status, body } = await answer(await postReportRaw({ headers: sameOrigin, body: reportBody(measure.code, { period }) }));
      expect(status, period).toBe(422);
      expect(body.error?.fieldErrors.period?.key).toBe("invalid");
      const listed = await listReportsRoute(new NextRequest(`${BASE}/api/v1/reports?period=${period}`, { headers: { host: "localhost:3000" } }), noParams);
      expect(listed.status, period).toBeGreaterThanOrEqual(400);
      expect(listed.status, period).toBeLessThan(500);
    }
    expect(await reportsOf(measure.id)).toBe(0);
  });
});

describe("[INPUT] text fields refuse C1 controls and invisible or bidi characters; line breaks stay", () => {
  const refused: [string, string][] = [
    ["C1 control NEL", "进展\u0085完成"],
    ["C1 control CSI", "a\u009bb"],
    ["right-to-left override", "abc\u202Egpj.exe"],
    ["right-to-left mark", "a\u200Fb"],
    ["arabic letter mark", "a\u061Cb"],
    ["first-strong isolate", "a\u2068b"],
    ["zero-width space", "a\u200Bb"],
    ["word joiner", "a\u2060b"],
    ["byte order mark inside", "a\uFEFFb"],
    ["soft hyphen", "a\u00ADb"],
    ["Hangul filler", "\u3164"],
    ["tag character", "a\u{E0041}b"],
    ["a lone zero-width joiner", "a \u200D b"],
  ];
  it.each(refused)("%s → 422 forbiddenCharacters, nothing written", async (_label, text) => {
    const measure = await newMeasure();
    await signInAs(official);
    const { status, body } = await answer(await postReportRaw({ headers: sameOrigin, body: reportBody(measure.code, { progress: text }) }));
    expect(status).toBe(422);
    expect(body.error?.fieldErrors.progress?.key).toBe("forbiddenCharacters");
    expect(await reportsOf(measure.id)).toBe(0);
  });

  it("control: line breaks and tabs in a multi-line field, emoji with joiners and variation selectors are stored", async () => {
    const measure = await newMeasure();
    await signInAs(official);
    const progress = "第一行\r\n第二行\n\t缩进 👩‍💻 ❤️ 🇨🇳";
    const response = await postReportRaw({ headers: sameOrigin, body: reportBody(measure.code, { progress }) });
    expect(response.status).toBe(201);
    expect((await db.progressReport.findFirstOrThrow({ where: { measureId: measure.id } })).progress).toBe(progress);
  });
});

/** An import request of `bytes` as the admin, through the route. */
async function importPost(bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], "tasks.xlsx"));
  const request = new NextRequest(`${BASE}/api/v1/measures/import?dryRun=1`, { method: "POST", body: form, headers: { host: "localhost:3000", origin: BASE } });
  return answer(await importRoute(request, noParams));
}

async function validTaskList(): Promise<Uint8Array> {
  const headers = zh.export.columns.split("|");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分解表");
  sheet.addRow([headers[1], headers[2], headers[3], headers[15]]);
  sheet.addRow([`9.${Date.now() % 100000}`, "导入的任务", unit.nameZh, area.code]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("[INPUT] imports through the API", () => {
  it("a second import while one runs → 429 IMPORT_BUSY; afterwards imports work again", async () => {
    await signInAs(admin);
    const bytes = await validTaskList();
    let release!: () => void;
    const running = withImportSlot(() => new Promise<void>((resolve) => (release = resolve)));
    const busy = await importPost(bytes);
    expect(busy.status).toBe(429);
    expect(busy.body.error?.code).toBe("IMPORT_BUSY");
    release();
    await running;
    const after = await importPost(bytes);
    expect(after.status, JSON.stringify(after.body)).toBe(200);
  });

  it("a slot is freed when an import fails", async () => {
    await signInAs(admin);
    expect((await importPost(new TextEncoder().encode("not a zip"))).status).toBe(422);
    expect((await importPost(await validTaskList())).status).toBe(200);
  });

  it("an xlsx whose shared strings expand past the limit → 413, not loaded", async () => {
    await signInAs(admin);
    const zip = await JSZip.loadAsync(await validTaskList());
    // JSZip writes the real size; the expansion is what is refused.
    const deflater = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflater.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => deflater.on("end", resolve));
    const unit = Buffer.from("<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>".repeat(20_000));
    for (let written = 0; written < 100 * 1024 * 1024; written += unit.byteLength) {
      if (!deflater.write(unit)) await new Promise((resolve) => deflater.once("drain", resolve));
    }
    deflater.end();
    await ended;
    expect(zip.file("xl/sharedStrings.xml")).not.toBeNull();
    const bytes = await bombWith(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), "xl/sharedStrings.xml", Buffer.concat(chunks));
    const refused = await importPost(bytes);
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fieldErrors: { file: { key: "importExpandsTooLarge" } } });
  });
});

/**
 * Replaces the compressed data of one deflated part of a zip, keeping its
 * declared (small) size: a part that lies about what it expands to.
 */
async function bombWith(zipBytes: Uint8Array, name: string, deflated: Buffer): Promise<Uint8Array> {
  const source = Buffer.from(zipBytes);
  const eocd = source.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = source.readUInt16LE(eocd + 10);
  let central = source.readUInt32LE(eocd + 16);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let index = 0; index < entries; index++) {
    const nameLength = source.readUInt16LE(central + 28);
    const extraLength = source.readUInt16LE(central + 30);
    const commentLength = source.readUInt16LE(central + 32);
    const entryName = source.toString("utf8", central + 46, central + 46 + nameLength);
    const localOffset = source.readUInt32LE(central + 42);
    const localHeaderLength = 30 + source.readUInt16LE(localOffset + 26) + source.readUInt16LE(localOffset + 28);
    const compressedSize = source.readUInt32LE(central + 20);
    const header = Buffer.from(source.subarray(localOffset, localOffset + localHeaderLength));
    const data = entryName === name ? deflated : source.subarray(localOffset + localHeaderLength, localOffset + localHeaderLength + compressedSize);
    const entry = Buffer.from(source.subarray(central, central + 46 + nameLength + extraLength + commentLength));
    header.writeUInt16LE(header.readUInt16LE(6) & ~0x8, 6);
    header.writeUInt32LE(data.byteLength, 18);
    entry.writeUInt32LE(data.byteLength, 20);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, data);
    centrals.push(entry);
    offset += header.byteLength + data.byteLength;
    central += 46 + nameLength + extraLength + commentLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.from(source.subarray(eocd, eocd + 22));
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
