import fs from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { Ajv } from "ajv";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMeasureRoute } from "@/app/api/v1/measures/[code]/route";
import { GET as listMeasuresRoute } from "@/app/api/v1/measures/route";
import { GET as bulletinDocxRoute } from "@/app/api/v1/bulletin.docx/route";
import { GET as getOpenApiRoute } from "@/app/api/v1/openapi.json/route";
import { POST as createReportRoute, GET as listReportsRoute } from "@/app/api/v1/reports/route";
import { apiDocsView } from "@/lib/api/openapi-view";
import { openApiDocument } from "@/lib/api/openapi-document";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { errorResponse } from "@/lib/auth/api-route";
import { AppError, type AppErrorCode, appErrorCodes, appErrorStatus } from "@/lib/errors/app-error";
import { signInAs } from "../setup/request-context";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const root = path.resolve(import.meta.dirname, "..", "..");
const noParams = { params: Promise.resolve({}) };
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route file under app/api/v1 as "METHOD /api/v1/path/{param}", from the handlers it exports. */
async function routeOperations(): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) await visit(relative);
      else if (entry.name === "route.ts") {
        const urlPath = `/${path.dirname(relative).replace(/^app\//, "")}`.replace(/\[(\w+)\]/g, "{$1}");
        const handlers = await import(path.join(root, relative));
        for (const method of HTTP_METHODS) if (handlers[method]) found.push(`${method} ${urlPath}`);
      }
    }
  };
  await visit("app/api/v1");
  return found.sort();
}

function documentedOperations(): string[] {
  return Object.entries(openApiDocument().paths ?? {})
    .flatMap(([urlPath, item]) => Object.keys(item as object).map((method) => `${method.toUpperCase()} ${urlPath}`))
    .sort();
}

/** A validator of a documented schema (OpenAPI 3.0 schema objects: `nullable`, `$ref` into components). */
function documentedSchema(name: string) {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(structuredClone(openApiDocument()), "openapi");
  return ajv.compile({ $ref: `openapi#/components/schemas/${name}` });
}

let token: string;
let measureCode: string;
beforeAll(async () => {
  const [unit, area] = [await seedUnit(db), await seedArea(db)];
  const official = await seedUser(db, "OFFICIAL", unit.id);
  const measure = await seedMeasure(db, area.id, unit.id);
  await db.measure.update({ where: { id: measure.id }, data: { kpiNameZh: "里程", kpiTarget: 120.5, investmentPlanned: 1000 } });
  await db.milestone.create({ data: { measureId: measure.id, titleZh: "开工", titleEn: "Start", dueDate: new Date("2026-06-30T00:00:00Z") } });
  await seedReport(db, measure.id, unit.id, official.id, "2026-10", "SUBMITTED");
  measureCode = measure.code;
  token = (await createApiToken(db, official, { name: "openapi test", scope: "WRITE" })).token;
  await signInAs(null);
});
afterAll(() => db.$disconnect());

describe("[API] OpenAPI document", () => {
  it("validates as OpenAPI 3 (@readme/openapi-parser)", async () => {
    const document = openApiDocument();
    expect(document.openapi).toMatch(/^3\.0\.\d$/);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("the validator would notice a broken document (so the check above can fail)", async () => {
    const broken = JSON.parse(JSON.stringify(openApiDocument()));
    delete broken.paths["/api/v1/measures"].get.responses;
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("documents every route under app/api/v1 with its methods, and nothing that does not exist", async () => {
    const routes = await routeOperations();
    expect(routes).toContain("POST /api/v1/reports");
    expect(routes).toContain("GET /api/v1/measures/export.xlsx");
    expect(documentedOperations()).toEqual(routes);
  });

  it("declares both credentials, and every non-public route accepts either", () => {
    const document = openApiDocument();
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(["bearerToken", "sessionCookie"]);
    for (const [urlPath, item] of Object.entries(document.paths ?? {})) {
      for (const operation of Object.values(item as Record<string, { security?: unknown[] }>)) {
        const expected = urlPath === "/api/v1/health" ? [] : [{ sessionCookie: [] }, { bearerToken: [] }];
        expect(operation.security, urlPath).toEqual(expected);
      }
    }
  });

  it("documents the ledger filters as the list's and the exports' query parameters", () => {
    const parameters = (urlPath: string) =>
      ((openApiDocument().paths?.[urlPath] as { get: { parameters: { name: string }[] } }).get.parameters ?? []).map((parameter) => parameter.name);
    for (const name of ["q", "area", "city", "leadUnit", "status", "light", "dueFrom", "dueTo", "asOf", "sort", "dir", "page", "perPage"]) {
      expect(parameters("/api/v1/measures")).toContain(name);
      expect(parameters("/api/v1/measures/export.xlsx")).toContain(name);
      expect(parameters("/api/v1/measures/export.csv")).toContain(name);
    }
  });

  it("is served at /api/v1/openapi.json, with a bearer token", async () => {
    const response = await getOpenApiRoute(new NextRequest("http://localhost/api/v1/openapi.json", { headers: { authorization: `Bearer ${token}` } }), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

describe("[API] responses match their documented schemas", () => {
  const bearer = (url: string) => new NextRequest(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } });

  it("GET /api/v1/measures, /measures/{code} and /reports answer as documented", async () => {
    const list = await (await listMeasuresRoute(bearer("/api/v1/measures?perPage=50"), noParams)).json();
    const checkList = documentedSchema("MeasureList");
    expect(checkList(list), JSON.stringify(checkList.errors)).toBe(true);

    const detail = await (await getMeasureRoute(bearer(`/api/v1/measures/${measureCode}`), { params: Promise.resolve({ code: measureCode }) })).json();
    const checkDetail = documentedSchema("MeasureDetail");
    expect(checkDetail(detail), JSON.stringify(checkDetail.errors)).toBe(true);
    expect(detail).toMatchObject({ kpi: { nameZh: "里程", target: 120.5 }, investment: { planned: 1000 }, milestones: [{ titleEn: "Start" }] });

    const reports = await (await listReportsRoute(bearer(`/api/v1/reports?measure=${measureCode}`), noParams)).json();
    const checkReports = documentedSchema("ProgressReportList");
    expect(checkReports(reports), JSON.stringify(checkReports.errors)).toBe(true);
    expect(reports.total).toBe(1);
  });

  it("a response that drifted from the schema would be caught", () => {
    const checkDetail = documentedSchema("MeasureSummary");
    expect(checkDetail({ code: "1.1" })).toBe(false);
  });

  it("error answers match ApiError", async () => {
    const missing = await (await getMeasureRoute(bearer("/api/v1/measures/NOPE"), { params: Promise.resolve({ code: "NOPE" }) })).json();
    const checkError = documentedSchema("ApiError");
    expect(checkError(missing), JSON.stringify(checkError.errors)).toBe(true);
  });

  it("real 400, 409 and 422 answers match ApiError, with the code their status documents", async () => {
    const checkError = documentedSchema("ApiError");
    const post = (body: unknown) =>
      createReportRoute(
        new NextRequest("http://localhost/api/v1/reports", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
        noParams,
      );
    const report = { measureCode, period: "2026-10", percentComplete: 40, progress: "进展", submit: true };
    const answers = [
      await bulletinDocxRoute(bearer("/api/v1/bulletin.docx?month=2026-13"), noParams),
      await post(report), // October's report already exists: a conflict
      await post({ ...report, percentComplete: 140 }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 409, 422]);
    for (const answer of answers) {
      const body = await answer.json();
      expect(checkError(body), JSON.stringify(checkError.errors)).toBe(true);
      expect(appErrorStatus[body.error.code as AppErrorCode]).toBe(answer.status);
    }
  });

  it("every error code the app can return is in the documented schema, and its status is documented", async () => {
    const checkError = documentedSchema("ApiError");
    const documentedStatuses = new Set(
      Object.values(openApiDocument().paths ?? {}).flatMap((item) =>
        Object.values(item as Record<string, { responses: Record<string, unknown> }>).flatMap((operation) => Object.keys(operation.responses)),
      ),
    );
    for (const code of appErrorCodes) {
      const answer = errorResponse(new AppError(code));
      expect(answer.status).toBe(appErrorStatus[code]);
      expect(checkError(await answer.json()), code).toBe(true);
      if (code !== "INTERNAL") expect([...documentedStatuses], code).toContain(String(answer.status));
    }
    expect(checkError({ error: { code: "NO_SUCH_CODE", values: {}, fieldErrors: {} } })).toBe(false);
  });
});

describe("[API] the /api-docs view of the document", () => {
  it("groups operations by tag, with parameters and a bearer curl example", () => {
    const view = apiDocsView(openApiDocument(), "https://luoshi.example");
    expect(view.groups.map((group) => group.name)).toEqual(["Measures", "Reports", "Catalogue", "Bulletins", "Scoring", "Notices", "System", "Comments", "Attachments"]);
    const operations = view.groups.flatMap((group) => group.operations);
    expect(operations).toHaveLength(documentedOperations().length);
    const post = operations.find((operation) => operation.method === "post" && operation.path === "/api/v1/reports")!;
    expect(post.curl).toContain('curl -X POST "https://luoshi.example/api/v1/reports"');
    expect(post.curl).toContain('-H "Authorization: Bearer $LUOSHI_TOKEN"');
    const body = JSON.parse(/-d '(.*)'$/m.exec(post.curl)![1]!);
    expect(body).toMatchObject({ measureCode: "1.1", percentComplete: 0, progress: "text" });
    const get = operations.find((operation) => operation.path === "/api/v1/measures/{code}")!;
    expect(get.curl).toContain("/api/v1/measures/1.1");
    expect(operations.find((operation) => operation.path === "/api/v1/health")!.curl).not.toContain("Authorization");
    const list = operations.find((operation) => operation.path === "/api/v1/measures")!;
    expect(list.parameters.find((parameter) => parameter.name === "sort")).toMatchObject({ in: "query", required: false });
  });
});
