import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import ExcelJS from "exceljs";
import { Ajv, type ValidateFunction } from "ajv";
import { NextRequest } from "next/server";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, vi } from "vitest";
import { openApiDocument } from "@/lib/api/openapi-document";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { issueNotice } from "@/lib/notices/issue-notice";
import { issueNoticeInputSchema } from "@/lib/notices/schemas";
import { setObjectStore } from "@/lib/storage/create-object-store";
import { createDiskStore } from "@/lib/storage/disk-store";
import type { Role } from "@/generated/prisma/enums";
import { setSessionCookie, signInAs } from "../setup/request-context";
import { currentPeriod, seedArea, seedAttachment, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { arbitraryOf, nastyString, resolver, type Schema, wrongValue } from "./fuzz/schema-arbitraries";
import { testDb } from "./helpers";

/**
 * The API fuzzed from its own OpenAPI document: for every operation, requests
 * built from the documented parameters and bodies (valid, with real ids and
 * codes of this database, and mutated), sent by every role, by no one and by a
 * revoked or garbage token, straight to the route handlers. Each answer must be
 * a documented status (never 500) with a body that fits the documented schema
 * (files: the documented content type), and a refused request (4xx) must leave
 * the data as it was. FUZZ_SEED (default 42, or "random") and FUZZ_RUNS
 * (default 15 per operation) make a longer run; see docs/api.md.
 */
// Outside a Next.js server, next-intl's request locale does not exist: the routes get the default locale's messages.
vi.mock("next-intl/server", async () => {
  const messages = (await import("@/messages/zh-CN.json")).default;
  return {
    getLocale: async () => "zh-CN",
    getTranslations: async (namespace?: string) => createTranslator({ locale: "zh-CN", messages, namespace: namespace as never }),
  };
});

const db = testDb();
const root = path.resolve(import.meta.dirname, "..", "..");
const SEED = process.env.FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 42);
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
// Printed so that a failure of a random run can be replayed with FUZZ_SEED.
console.info(`api fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);

const document = openApiDocument();
const resolve = resolver(document as never);
const HOST = "localhost:3000";
const ROLES: Role[] = ["ADMIN", "LEADER", "INSPECTOR", "OFFICIAL", "VIEWER"];
/** Tables whose rows a request may touch without changing data: sign-in bookkeeping and token use. */
const BOOKKEEPING_TABLES = new Set(["AuthSession", "ApiToken", "LoginThrottle", "_prisma_migrations"]);

type Operation = {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const operations: Operation[] = Object.entries(document.paths ?? {}).flatMap(([urlPath, item]) =>
  Object.entries(item as Record<string, Omit<Operation, "method" | "path">>).map(([method, operation]) => ({
    ...operation,
    parameters: operation.parameters ?? [],
    method: method.toUpperCase(),
    path: urlPath,
  })),
);

/** The route module of a documented path (app/api/v1/measures/{code} → app/api/v1/measures/[code]/route.ts). */
async function handlerOf(operation: Operation): Promise<RouteHandler> {
  const file = path.join(root, "app", operation.path.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const handler = (await import(file))[operation.method];
  if (!handler) throw new Error(`no ${operation.method} in ${file}`);
  return handler;
}

// ---- Response validation against the document ----

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(jsonSchemaOf(JSON.parse(JSON.stringify(document))) as object, "openapi");
const validators = new Map<Schema, ValidateFunction>();
/** OpenAPI 3.0's `nullable` as JSON Schema: null is one more allowed value (with or without a `type`). */
function jsonSchemaOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchemaOf);
  if (!node || typeof node !== "object") return node;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, jsonSchemaOf(value)])) as Record<string, unknown>;
  if (nullable !== true) return nullable === undefined ? rest : { ...rest, nullable };
  if (Array.isArray(rest.enum) && !rest.enum.includes(null)) rest.enum = [...rest.enum, null];
  if (typeof rest.type === "string") return { ...rest, type: [rest.type, "null"] };
  return { anyOf: [rest, { type: "null" }] };
}

function validatorOf(schema: Schema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(jsonSchemaOf(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'))) as object);
    validators.set(schema, validate);
  }
  return validate;
}

// ---- Data fingerprint: row count and an order-free hash of the rows of every table ----

let fingerprintSql = "";
async function fingerprint(): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<{ t: string; n: bigint; h: bigint | null }[]>(fingerprintSql);
  return Object.fromEntries(rows.map((row) => [row.t, `${row.n}:${row.h ?? 0}`]));
}

// ---- The seeded world and its callers ----

type Caller = { label: string; token?: string; cookie?: string; origin?: string };
const callers: Caller[] = [];
const pools: Record<string, string[]> = {};
const files: Record<string, Uint8Array> = {};
const examples = new Map<string, () => fc.Arbitrary<Generated>>();
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-fuzz-"));

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082",
  "hex",
);

beforeAll(async () => {
  setObjectStore(createDiskStore(storeDir));
  const [unit, otherUnit] = [await seedUnit(db), await seedUnit(db)];
  const area = await seedArea(db);
  const measures = [await seedMeasure(db, area.id, unit.id, [otherUnit.id]), await seedMeasure(db, area.id, otherUnit.id), await seedMeasure(db, area.id, unit.id)];
  const users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await seedUser(db, role, role === "ADMIN" || role === "INSPECTOR" || role === "LEADER" ? null : unit.id)] as const)));
  const period = currentPeriod();
  const reports = [
    await seedReport(db, measures[0]!.id, unit.id, users.OFFICIAL!.id, "2026-01", "SUBMITTED"),
    await seedReport(db, measures[2]!.id, unit.id, users.OFFICIAL!.id, period, "DRAFT"),
    await seedReport(db, measures[1]!.id, otherUnit.id, users.OFFICIAL!.id, "2026-02", "APPROVED"),
  ];
  const milestone = await db.milestone.create({ data: { measureId: measures[0]!.id, titleZh: "开工", titleEn: "Start", dueDate: new Date("2026-06-30T00:00:00Z") } });
  const attachments = [
    await seedAttachment(db, { measureId: measures[0]!.id }, users.ADMIN!.id, "photo.png", { mimeType: "image/png", size: PNG.length }),
    await seedAttachment(db, { measureId: measures[2]!.id, reportId: reports[1]!.id }, users.OFFICIAL!.id, "note.png", { mimeType: "image/png", size: PNG.length }),
  ];
  for (const attachment of attachments) await createDiskStore(storeDir).put(attachment.storageKey, Readable.from([PNG]), "image/png");
  const notices: string[] = [];
  try {
    const notice = await issueNotice(
      db,
      users.INSPECTOR as never,
      issueNoticeInputSchema.parse({ measureCode: measures[0]!.code, level: "SUPERVISE", body: "请说明进度。", replyDueDate: "2030-01-31" }),
      new Date(),
    );
    notices.push((notice as { id: string }).id);
  } catch {
    // A notice is only one more id to fuzz with; the rest of the world stands without it.
  }

  const programme = await db.programme.findUniqueOrThrow({ where: { id: area.programmeId } });
  Object.assign(pools, {
    code: measures.map((measure) => measure.code),
    measureCode: measures.map((measure) => measure.code),
    measure: measures.map((measure) => measure.code),
    measureId: measures.map((measure) => measure.id),
    reportId: reports.map((report) => report.id),
    parentId: [...reports.map((report) => report.id), ...measures.map((measure) => measure.id), milestone.id],
    unit: [unit.code, otherUnit.code, unit.id],
    leadUnit: [unit.code, otherUnit.code],
    area: [area.code],
    programme: [programme.code],
    period: [period, "2026-01", "2026-02"],
    month: [period, "2026-01"],
    attachmentId: attachments.map((attachment) => attachment.id),
    noticeId: notices,
    version: ["0", "1"],
  });

  // Every role with a WRITE token and a session; a READ token; a revoked and a garbage token; no one.
  for (const role of ROLES) {
    const user = users[role]!;
    callers.push({ label: `${role} token`, token: (await createApiToken(db, user, { name: "fuzz", scope: "WRITE" })).token });
    callers.push({ label: `${role} session`, cookie: await signInAs(user), origin: `http://${HOST}` });
  }
  callers.push({ label: "OFFICIAL read token", token: (await createApiToken(db, users.OFFICIAL!, { name: "fuzz read", scope: "READ" })).token });
  const revoked = await createApiToken(db, users.ADMIN!, { name: "fuzz revoked", scope: "WRITE" });
  await db.apiToken.updateMany({ where: { userId: users.ADMIN!.id, name: "fuzz revoked" }, data: { revokedAt: new Date() } });
  callers.push({ label: "revoked token", token: revoked.token });
  callers.push({ label: "garbage token", token: "lsk_" + "A".repeat(40) });
  callers.push({ label: "session from another site", cookie: callers.find((caller) => caller.label === "ADMIN session")!.cookie, origin: "https://evil.example" });
  callers.push({ label: "no one" });
  await signInAs(null);

  // Real files to upload: the import template and a unit's report collection sheet (from the API itself).
  const admin = callers.find((caller) => caller.label === "ADMIN token")!;
  const template = await (await handlerOf(findOperation("GET", "/api/v1/measures/import-template.xlsx")))(
    new NextRequest(`http://${HOST}/api/v1/measures/import-template.xlsx`, { headers: { authorization: `Bearer ${admin.token}` } }),
    { params: Promise.resolve({}) },
  );
  files.importTemplate = new Uint8Array(await template.arrayBuffer());
  // The template with one new measure filled in below its example row: a task list the dry run accepts.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(files.importTemplate) as never);
  workbook.worksheets[0]!.addRow(["", `FZ.${unit.code.slice(-8)}`, "模糊测试导入的措施", unit.nameZh, "", "", "2027-12-31", "", "", area.code, ""]);
  files.importFilled = new Uint8Array(await workbook.xlsx.writeBuffer());
  const official = callers.find((caller) => caller.label === "OFFICIAL token")!;
  const sheet = await (await handlerOf(findOperation("GET", "/api/v1/report-collection.xlsx")))(
    new NextRequest(`http://${HOST}/api/v1/report-collection.xlsx?unit=${unit.code}&period=${period}`, { headers: { authorization: `Bearer ${official.token}` } }),
    { params: Promise.resolve({}) },
  );
  expect(sheet.status).toBe(200);
  files.collectionSheet = new Uint8Array(await sheet.arrayBuffer());

  // Requests that are valid as a whole (the right caller with matching fields), which random parts rarely make:
  // mixed into each operation's requests so that its success path is fuzzed too.
  const request = (caller: Caller, rest: Partial<Generated>): Generated => ({ caller, params: {}, query: [], rawQuery: "", body: { kind: "none" }, ...rest });
  const png = new Uint8Array(PNG);
  examples.set("POST /api/v1/reports", () =>
    fc
      .record({ percentComplete: fc.integer({ min: 0, max: 100 }), progress: fc.string({ minLength: 1, maxLength: 200 }), submit: fc.boolean(), code: fc.constantFrom(measures[0]!.code, measures[2]!.code) })
      .map(({ code, ...fields }) => request(official, { body: { kind: "text", contentType: "application/json", text: JSON.stringify({ measureCode: code, period, ...fields }) } })),
  );
  examples.set("POST /api/v1/attachments", () =>
    fc
      .constantFrom(["measure", measures[0]!.id], ["milestone", milestone.id], ["report", reports[1]!.id])
      .map(([parentType, parentId]) => request(admin, { body: { kind: "multipart", parts: [["parentType", parentType!], ["parentId", parentId!], ["file", png]] } })),
  );
  examples.set("POST /api/v1/measures/import", () =>
    fc.constant(request(admin, { query: [["dryRun", "true"]], body: { kind: "multipart", parts: [["file", files.importFilled!]] } })),
  );
  examples.set("POST /api/v1/report-collection", () =>
    fc.constant(request(official, { query: [["dryRun", "true"]], body: { kind: "multipart", parts: [["file", files.collectionSheet!]] } })),
  );
  examples.set("GET /api/v1/report-collection.xlsx", () =>
    fc.constantFrom(unit.code, otherUnit.code).map((code) => request(official, { query: [["unit", code], ["period", period]] })),
  );

  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  fingerprintSql = tables
    .filter((table) => !BOOKKEEPING_TABLES.has(table.name))
    .map((table) => `SELECT '${table.name}' AS t, count(*) AS n, sum(hashtext(x::text)::bigint)::bigint AS h FROM "${table.name}" x`)
    .join(" UNION ALL ");
});
/** Answers seen, by operation and status: printed at the end, so a run shows that valid requests got through. */
const tally = new Map<string, number>();

afterAll(async () => {
  if (process.env.FUZZ_TALLY) console.info([...tally].map(([key, count]) => `${key}: ${count}`).join("\n"));
  await db.$disconnect();
  fs.rmSync(storeDir, { recursive: true, force: true });
});

function findOperation(method: string, urlPath: string): Operation {
  return operations.find((operation) => operation.method === method && operation.path === urlPath)!;
}

// ---- Request generation ----

/** Real values for a name; a path `id` is the id of that path's records. */
function hintsFor(operation: Operation) {
  return (name: string): string[] | undefined => {
    if (name === "id") {
      if (operation.path.startsWith("/api/v1/attachments")) return pools.attachmentId;
      if (operation.path.startsWith("/api/v1/notices")) return pools.noticeId?.length ? pools.noticeId : undefined;
      if (operation.path.startsWith("/api/v1/reports")) return pools.reportId;
    }
    return pools[name];
  };
}

type Generated = {
  caller: Caller;
  params: Record<string, string>;
  query: [string, string][];
  rawQuery: string;
  body: { kind: "none" } | { kind: "text"; text: string; contentType: string } | { kind: "multipart"; parts: [string, string | Uint8Array][] };
};

/** A part of a request: mostly as documented, sometimes the wrong thing. */
const mutated = <T,>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: wrong, weight: 1 });

const fileBytes = () =>
  fc.oneof(
    fc.constant(new Uint8Array(PNG)),
    fc.constant(files.importTemplate!),
    fc.constant(files.importFilled!),
    fc.constant(files.collectionSheet!),
    fc.uint8Array({ maxLength: 200 }),
    fc.constant(new Uint8Array(0)),
    fc.constant(new TextEncoder().encode("%PDF-1.4 truncated")),
    fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), // a zip header and nothing more
  );

function jsonBody(schema: Schema | undefined, hints: (name: string) => string[] | undefined) {
  const valid = arbitraryOf(schema, resolve, hints);
  const resolved = resolve(schema);
  const keys = Object.keys(resolved.properties ?? {});
  const broken: fc.Arbitrary<string> = fc.oneof(
    // A documented body with one field missing, of the wrong type, or an extra field.
    fc.tuple(valid, fc.constantFrom(...(keys.length ? keys : ["x"])), wrongValue, fc.constantFrom("drop", "wrong", "extra")).map(([value, key, wrong, how]) => {
      const object = { ...(value as Record<string, unknown>) };
      if (how === "drop") delete object[key];
      else if (how === "wrong") object[key] = wrong;
      else object[`extra_${key}`] = wrong;
      return JSON.stringify(object);
    }),
    wrongValue.map((value) => JSON.stringify(value) ?? "null"),
    fc.constantFrom("", "{", '{"measureCode":', "[1,2", "nul", '{"a":1}}', '"\\ud800"', '{"progress":"\\udc00"}', "\u0000", '{"__proto__":{"x":1}}', `{"a":"${"x".repeat(1_100_000)}"}`),
    fc.constant(JSON.stringify(Array.from({ length: 2000 }).reduce((inner: unknown) => [inner], 0))),
  );
  return fc.record({
    text: mutated(valid.map((value) => JSON.stringify(value)), broken),
    contentType: fc.constantFrom("application/json", "application/json", "application/json", "text/plain", "application/json; charset=utf-8"),
  });
}

function multipartBody(schema: Schema | undefined, hints: (name: string) => string[] | undefined) {
  const resolved = resolve(schema);
  const fields = Object.entries(resolved.properties ?? {});
  const part = ([name, property]: [string, Schema]): fc.Arbitrary<[string, string | Uint8Array] | null> => {
    const value = resolve(property).format === "binary" ? fileBytes() : arbitraryOf(property, resolve, hints, name).map(String);
    const required = resolved.required?.includes(name);
    return fc.oneof(
      { arbitrary: value.map((content) => [name, content] as [string, string | Uint8Array]), weight: 6 },
      { arbitrary: nastyString.map((content) => [name, content] as [string, string | Uint8Array]), weight: 1 },
      { arbitrary: fc.constant(null), weight: required ? 1 : 2 },
    );
  };
  return fc
    .tuple(fc.tuple(...fields.map(part)), fc.boolean(), fc.option(nastyString.map((junk) => ["junk", junk] as [string, string])))
    .map(([parts, reversed, extra]) => {
      const present = parts.filter((entry): entry is [string, string | Uint8Array] => entry !== null);
      // The documented order (fields before the file) or the reverse.
      const ordered = reversed ? present.reverse() : present;
      return extra ? [...ordered, extra] : ordered;
    });
}

/** A multipart body that is not one: no boundary, a boundary that never comes, a part cut short, a file part without a name. */
const brokenMultipart: fc.Arbitrary<Generated["body"]> = fc
  .record({
    contentType: fc.constantFrom("multipart/form-data", "multipart/form-data; boundary=B", 'multipart/form-data; boundary=""', "multipart/form-data; boundary=" + "x".repeat(200)),
    text: fc.oneof(
      nastyString,
      fc.constantFrom(
        "--B\r\nContent-Disposition: form-data; name=\"parentType\"\r\n\r\nmeasure",
        "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n--B--\r\n",
        "--B\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--B--\r\n",
        "--B--\r\n",
      ),
    ),
  })
  .map(({ contentType, text }) => ({ kind: "text" as const, contentType, text }));

function requestArbitrary(operation: Operation): fc.Arbitrary<Generated> {
  const hints = hintsFor(operation);
  const pathParams = operation.parameters.filter((parameter) => parameter.in === "path");
  const queryParams = operation.parameters.filter((parameter) => parameter.in === "query");
  const params = fc.record(
    Object.fromEntries(pathParams.map((parameter) => [parameter.name, mutated(arbitraryOf(parameter.schema, resolve, hints, parameter.name).map(String), nastyString)])),
  ) as fc.Arbitrary<Record<string, string>>;
  type Pairs = [string, string][];
  const perParameter = queryParams.map((parameter): fc.Arbitrary<Pairs> => {
    const value = mutated(arbitraryOf(parameter.schema, resolve, hints, parameter.name).map(String), nastyString);
    const once = value.map((entry): Pairs => [[parameter.name, entry]]);
    return parameter.required
      ? fc.oneof({ arbitrary: once, weight: 8 }, { arbitrary: fc.constant<Pairs>([]), weight: 1 })
      : fc.oneof(fc.constant<Pairs>([]), once, fc.tuple(value, value).map(([a, b]): Pairs => [[parameter.name, a], [parameter.name, b]]));
  });
  const query = fc
    .tuple(perParameter.length ? fc.tuple(...perParameter) : fc.constant<Pairs[]>([]), fc.option(fc.tuple(nastyString, nastyString)))
    .map(([entries, extra]): Pairs => [...entries.flat(), ...(extra ? [extra] : [])]);
  const rawQuery = fc.oneof({ arbitrary: fc.constant(""), weight: 9 }, { arbitrary: fc.constantFrom("%", "%ZZ=1", "page=%E0%A4%A", "&&==&", "a[b]=1&a[]=2"), weight: 1 });
  const content = operation.requestBody?.content ?? {};
  const body: fc.Arbitrary<Generated["body"]> = content["application/json"]
    ? jsonBody(content["application/json"].schema, hints).map((json) => ({ kind: "text" as const, ...json }))
    : content["multipart/form-data"]
      ? fc.oneof(
          { arbitrary: multipartBody(content["multipart/form-data"].schema, hints).map((parts) => ({ kind: "multipart" as const, parts })), weight: 8 },
          { arbitrary: jsonBody({ type: "object" }, hints).map((json) => ({ kind: "text" as const, ...json })), weight: 1 },
          { arbitrary: brokenMultipart, weight: 1 },
          { arbitrary: fc.constant({ kind: "none" as const }), weight: 1 },
        )
      : fc.constant({ kind: "none" as const });
  const generated = fc.record({ caller: fc.constantFrom(...callers), params, query, rawQuery, body });
  const example = examples.get(`${operation.method} ${operation.path}`);
  if (!example) return generated;
  const nearlyValid = example().chain((valid) => fc.oneof(fc.constant(valid), mutateExample(valid)));
  return fc.oneof({ arbitrary: generated, weight: 2 }, { arbitrary: nearlyValid, weight: 1 });
}

/** A valid request with one thing wrong: a JSON field dropped, retyped or added, a form part or query value replaced or dropped. */
function mutateExample(valid: Generated): fc.Arbitrary<Generated> {
  const { body } = valid;
  if (body.kind === "text") {
    const object = JSON.parse(body.text) as Record<string, unknown>;
    return fc.tuple(fc.constantFrom(...Object.keys(object)), wrongValue, fc.constantFrom("drop", "wrong", "extra")).map(([key, wrong, how]) => {
      const copy: Record<string, unknown> = { ...object };
      if (how === "drop") delete copy[key];
      else if (how === "wrong") copy[key] = wrong;
      else copy[`${key}_extra`] = wrong;
      return { ...valid, body: { ...body, text: JSON.stringify(copy) } };
    });
  }
  const parts = body.kind === "multipart" ? body.parts : [];
  const slots = parts.length + valid.query.length;
  if (slots === 0) return fc.constant(valid);
  return fc.tuple(fc.nat({ max: slots - 1 }), fc.option(fc.oneof(nastyString, fileBytes()))).map(([index, replacement]) => {
    const replace = <T extends [string, unknown]>(entries: T[], at: number) =>
      replacement === null ? entries.filter((_, i) => i !== at) : entries.map((entry, i) => (i === at ? ([entry[0], replacement] as T) : entry));
    if (index < parts.length) return { ...valid, body: { kind: "multipart" as const, parts: replace(parts, index) } };
    const query = replace(valid.query, index - parts.length).map(([name, value]) => [name, typeof value === "string" ? value : "x"] as [string, string]);
    return { ...valid, query };
  });
}

function buildRequest(operation: Operation, generated: Generated): NextRequest {
  // A URL cannot carry half a surrogate pair (the handler still gets the raw parameter, as a hostile router might pass it).
  const urlPath = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((generated.params[name] ?? "").replace(/\p{Cs}/gu, "\ufffd")));
  const search = new URLSearchParams(generated.query).toString();
  const query = [search, generated.rawQuery].filter(Boolean).join("&");
  const headers = new Headers({ host: HOST });
  const { caller, body } = generated;
  if (caller.token) headers.set("authorization", `Bearer ${caller.token}`);
  if (caller.origin) headers.set("origin", caller.origin);
  let requestBody: BodyInit | undefined;
  if (body.kind === "text") {
    headers.set("content-type", body.contentType);
    requestBody = body.text;
  } else if (body.kind === "multipart") {
    const form = new FormData();
    for (const [name, value] of body.parts) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, new Blob([new Uint8Array(value)]), "upload.bin");
    }
    requestBody = form;
  }
  return new NextRequest(`http://${HOST}${urlPath}${query ? `?${query}` : ""}`, { method: operation.method, headers, body: requestBody });
}

// ---- The properties ----

/** Heavy answers (Word, PDF, zip, workbooks, imports) get fewer runs, so the file stays quick on PGlite. */
const runsOf = (operation: Operation) => (/\.(docx|pdf|zip|xlsx|csv)$|import$|report-collection$/.test(operation.path) ? Math.max(2, Math.ceil(RUNS / 2)) : RUNS);

describe("[API] fuzzed from the OpenAPI document", () => {
  for (const operation of operations) {
    const name = `${operation.method} ${operation.path}`;
    // The arbitrary needs the seeded callers and pools, so it is built lazily (once) when the first run is generated.
    let built: fc.Arbitrary<Generated> | undefined;
    const lazy = fc.constant(null).chain(() => (built ??= requestArbitrary(operation)));
    test.prop([lazy], { numRuns: runsOf(operation), seed: SEED, endOnFailure: true })(
      `${name}: documented status and body, never 500, a refused request changes nothing`,
      async (generated) => {
        const handler = await handlerOf(operation);
        if (generated.caller.cookie) setSessionCookie(generated.caller.cookie);
        else await signInAs(null);
        const request = buildRequest(operation, generated);
        const before = await fingerprint();
        const response = await handler(request, { params: Promise.resolve(generated.params) });
        const status = response.status;
        tally.set(`${name} ${status}`, (tally.get(`${name} ${status}`) ?? 0) + 1);
        const contentType = response.headers.get("content-type") ?? "";
        const bytes = new Uint8Array(await response.arrayBuffer());
        const after = await fingerprint();
        const described = `${name} as ${generated.caller.label}: ${request.url.slice(0, 300)} → ${status} ${contentType} ${new TextDecoder().decode(bytes.slice(0, 400))}`;

        expect(status, described).not.toBe(500);
        const documented = operation.responses[String(status)];
        expect(documented, `undocumented status: ${described}`).toBeDefined();
        const media = Object.keys(documented!.content ?? {});
        if (media.length === 0) expect(bytes.length, described).toBe(0);
        else if (media.includes("application/json")) {
          expect(contentType, described).toMatch(/^application\/json/);
          const validate = validatorOf(documented!.content!["application/json"]!.schema!);
          const body = JSON.parse(new TextDecoder().decode(bytes));
          expect(validate(body), `${JSON.stringify(validate.errors)}: ${described}`).toBe(true);
        } else if (!media.includes("application/octet-stream")) {
          // Files: the documented type; an attachment is served as its detected type.
          expect(media.some((type) => contentType.startsWith(type)), described).toBe(true);
        }
        if (status >= 400 && status < 500) expect(after, `a refused request changed data: ${described}`).toEqual(before);
      },
      180_000,
    );
  }
});

describe("[API] what the fuzzer found, kept as plain cases", () => {
  const call = async (method: string, urlPath: string, generated: Partial<Generated> & { caller: Caller }) => {
    const operation = findOperation(method, urlPath);
    const full: Generated = { params: {}, query: [], rawQuery: "", body: { kind: "none" }, ...generated };
    await signInAs(null);
    const response = await (await handlerOf(operation))(buildRequest(operation, full), { params: Promise.resolve(full.params) });
    return { status: response.status, body: await response.json() };
  };
  const caller = (label: string) => callers.find((entry) => entry.label === label)!;

  test("a NUL in a path or query parameter is 400 naming it (was a 500 from PostgreSQL: invalid byte sequence 0x00)", async () => {
    const official = caller("OFFICIAL token");
    for (const [urlPath, params, query] of [
      ["/api/v1/measures/{code}", { code: "T.\u0000" }, []],
      ["/api/v1/attachments/{id}", { id: "\u0000" }, []],
      ["/api/v1/measures", {}, [["q", "a\u0000"]]],
      ["/api/v1/notices", {}, [["unit", "\u0000"]]],
    ] as const) {
      const answer = await call("GET", urlPath, { caller: official, params: { ...params }, query: query.map(([name, value]) => [name, value]) });
      expect(answer, urlPath).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", values: {}, fieldErrors: { [Object.keys(params)[0] ?? query[0]![0]]: { key: "forbiddenCharacters" } } } } });
    }
  });

  test("a NUL in an upload's form field is refused, not a 500", async () => {
    const answer = await call("POST", "/api/v1/attachments", {
      caller: caller("ADMIN token"),
      body: { kind: "multipart", parts: [["parentType", "measure"], ["parentId", "a\u0000b"], ["file", new Uint8Array(PNG)]] },
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  test("an attachment upload whose multipart Content-Type has no boundary is 400 (was a 500: busboy throws at once)", async () => {
    const answer = await call("POST", "/api/v1/attachments", {
      caller: caller("ADMIN token"),
      body: { kind: "text", contentType: "multipart/form-data", text: '--B\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\n\r\nPNG\r\n--B--\r\n' },
    });
    expect(answer).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", values: {}, fieldErrors: {} } } });
  });

  test("a path parameter that fails its schema (too long) is a documented 422", async () => {
    const answer = await call("DELETE", "/api/v1/attachments/{id}", { caller: caller("ADMIN token"), params: { id: "a".repeat(41) } });
    expect(answer).toEqual({ status: 422, body: { error: { code: "VALIDATION", values: {}, fieldErrors: { id: { key: "tooLong", values: { max: 40 } } } } } });
    expect(findOperation("DELETE", "/api/v1/attachments/{id}").responses["422"]).toBeDefined();
  });
});
