import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/measures/import/route";
import type { ImportPlan } from "@/lib/measure-import/import-types";
import { signInAs } from "../setup/request-context";
import { seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

/*
 * Task breakdown tables as offices send them (title rows, a two-row header,
 * section rows merged across, 重点任务 merged down, deadline phrases, 合计 with a
 * formula), imported through the real route on a real database.
 */
const db = testDb();
const s = uniqueSuffix();
let admin: { id: string };
let transport: { id: string; nameZh: string };
let ndrc: { id: string; nameZh: string };
let jinanGov: { id: string; nameZh: string };
let infra: { id: string; code: string };
let industry: { id: string; code: string };

beforeAll(async () => {
  const unit = (nameZh: string, kind: "OTHER" | "CITY_GOVERNMENT" = "OTHER") =>
    db.unit.create({ data: { code: `t-office-${uniqueSuffix()}`, nameZh, nameEn: `Unit ${nameZh}`, kind } });
  transport = await unit(`测${s}省交通运输厅`);
  ndrc = await unit(`测${s}市发展和改革委员会`);
  jinanGov = await unit(`测${s}市人民政府`, "CITY_GOVERNMENT");
  const programme = await db.programme.create({ data: { code: `OP-${s}`, titleZh: "测试规划", titleEn: "Test programme", sortOrder: 1000 } });
  infra = await db.area.create({ data: { code: `OA-${s}`, programmeId: programme.id, titleZh: `基础设施一体化${s}`, titleEn: `Infrastructure ${s}` } });
  industry = await db.area.create({ data: { code: `OB-${s}`, programmeId: programme.id, titleZh: `产业协同${s}`, titleEn: `Industry ${s}` } });
  admin = await seedUser(db, "ADMIN", null);
});
afterAll(() => db.$disconnect());

/** The office's table; `lead2` and `section2` replace the second task's lead unit and the second section. */
async function officeTable(options: { lead2?: string; section2?: string; cooperating3?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分解表");
  sheet.addRow(["2021年重点任务分解表"]);
  sheet.mergeCells("A1:F1");
  sheet.addRow(["填报单位：省发展改革委", "", "", "", "填报时间：2021年3月"]);
  sheet.addRow(["序号", "重点任务", "具体措施", "责任单位", "", "完成时限"]);
  sheet.addRow(["", "", "", "牵头单位", "配合单位", ""]);
  sheet.mergeCells("D3:E3");
  sheet.addRow([`一、基础设施一体化${s}`]);
  sheet.mergeCells("A5:F5");
  sheet.addRow(["1", "打通瓶颈路", "实施改扩建\n（一期）", `\u3000${transport.nameZh} `, `${jinanGov.nameZh.replace("人民政府", "政府")}`, "2021年12月底前"]);
  sheet.addRow(["2", "", "推进快速路", options.lead2 ?? ndrc.nameZh.replace("发展和改革委员会", "发展改革委"), "", "2021年第三季度"]);
  sheet.mergeCells("B6:B7");
  sheet.addRow([options.section2 ?? `（二）产业协同${s}`]);
  sheet.mergeCells("A8:F8");
  sheet.addRow(["3", "共建园区", "建设合作园区", ndrc.nameZh, options.cooperating3 ?? transport.nameZh, "长期坚持"]);
  sheet.addRow(["合计", { formula: "COUNTA(C6:C9)", result: 3 }]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function post(bytes: Uint8Array, fields: Record<string, string> = {}, dryRun = true) {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], "tasks.xlsx"));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const url = `http://localhost/api/v1/measures/import${dryRun ? "?dryRun=1" : ""}`;
  const request = new NextRequest(url, { method: "POST", body: form, headers: { host: "localhost", origin: "http://localhost" } });
  const response = await POST(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

async function preview(bytes: Uint8Array, mapping?: object): Promise<ImportPlan> {
  const { status, body } = await post(bytes, mapping ? { mapping: JSON.stringify(mapping) } : {});
  expect(status, JSON.stringify(body)).toBe(200);
  return body as ImportPlan;
}

describe("[IMPORT] an office's task breakdown table", () => {
  it("is previewed without editing: header found, sections as areas, deadline phrases read, variants of unit names matched", async () => {
    await signInAs(admin);
    const plan = await preview(await officeTable(), { codePrefix: `P${s}-` });
    expect(plan.format).toBe("office");
    expect(plan.errors).toEqual([]);
    expect(plan.mapping).toMatchObject({
      headerRows: [3, 4],
      columns: [
        { column: 0, header: "序号", field: "number" },
        { column: 1, header: "重点任务", field: "task" },
        { column: 2, header: "具体措施", field: "measure" },
        { column: 3, header: "牵头单位", field: "leadUnit" },
        { column: 4, header: "配合单位", field: "cooperatingUnits" },
        { column: 5, header: "完成时限", field: "dueDate" },
      ],
      titleRule: "taskPlusMeasure",
      sections: [
        { name: `基础设施一体化${s}`, area: infra.code },
        { name: `产业协同${s}`, area: industry.code },
      ],
      hasRowsWithoutSection: false,
      choice: { codePrefix: `P${s}-` },
    });
    expect(plan.skippedRows).toEqual([
      { row: 1, kind: "title" },
      { row: 2, kind: "title" },
      { row: 3, kind: "header" },
      { row: 4, kind: "header" },
      { row: 5, kind: "group" },
      { row: 8, kind: "group" },
      { row: 10, kind: "total" },
    ]);
    // The 合计 row's formula is skipped with its row: no warning, no error.
    expect(plan.warnings).toEqual([]);
    expect(plan.creates.map((row) => [row.row, row.code, row.title, row.dueRule])).toEqual([
      [6, `P${s}-1-1`, "打通瓶颈路：实施改扩建 （一期）", "monthEnd"],
      [7, `P${s}-1-2`, "打通瓶颈路：推进快速路", "quarterEnd"],
      [9, `P${s}-2-3`, "共建园区：建设合作园区", "ongoing"],
    ]);
  });

  it("imports on confirm, field by field, and the same file again changes nothing", async () => {
    await signInAs(admin);
    const bytes = await officeTable();
    const mapping = { codePrefix: `C${s}-` };
    const plan = await preview(bytes, mapping);
    const confirmed = await post(bytes, { fingerprint: plan.fingerprint, mapping: JSON.stringify(mapping) }, false);
    expect(confirmed, JSON.stringify(confirmed.body)).toMatchObject({ status: 200, body: { created: 3, updated: 0 } });

    const measures = await db.measure.findMany({
      where: { code: { startsWith: `C${s}-` } },
      orderBy: { code: "asc" },
      include: { cooperatingUnits: true },
    });
    expect(
      measures.map((m) => ({
        code: m.code,
        titleZh: m.titleZh,
        areaId: m.areaId,
        leadUnitId: m.leadUnitId,
        cooperating: m.cooperatingUnits.map((link) => link.unitId),
        dueDate: m.dueDate?.toISOString().slice(0, 10) ?? null,
        ongoing: m.ongoing,
      })),
    ).toEqual([
      { code: `C${s}-1-1`, titleZh: "打通瓶颈路：实施改扩建 （一期）", areaId: infra.id, leadUnitId: transport.id, cooperating: [jinanGov.id], dueDate: "2021-12-31", ongoing: false },
      { code: `C${s}-1-2`, titleZh: "打通瓶颈路：推进快速路", areaId: infra.id, leadUnitId: ndrc.id, cooperating: [], dueDate: "2021-09-30", ongoing: false },
      // 长期坚持: no due date, and marked as a standing task rather than one whose date is missing.
      { code: `C${s}-2-3`, titleZh: "共建园区：建设合作园区", areaId: industry.id, leadUnitId: ndrc.id, cooperating: [transport.id], dueDate: null, ongoing: true },
    ]);

    const again = await preview(bytes, mapping);
    expect(again).toMatchObject({ creates: [], updates: [], unchanged: 3, errors: [] });
  });

  it("names every cell it cannot read by row and column, suggests the closest unit, and writes nothing", async () => {
    await signInAs(admin);
    const before = await db.measure.count();
    const bytes = await officeTable({ lead2: `测${s}省交通运输局`, section2: "（二）不存在的领域" });
    const plan = await preview(bytes, { codePrefix: `E${s}-` });
    expect(plan.errors).toEqual([
      // Closest first (the fixtures' shared test prefix makes the others similar too).
      { row: 7, column: "牵头单位", key: "unknownUnitSuggest", values: { name: `测${s}省交通运输局`, suggestions: expect.stringMatching(new RegExp(`^${transport.nameZh}(、|$)`)) } },
      { row: 9, column: "重点任务", key: "unknownAreaSection", values: { name: "不存在的领域" } },
    ]);
    const refused = await post(bytes, { fingerprint: plan.fingerprint, mapping: JSON.stringify({ codePrefix: `E${s}-` }) }, false);
    expect(refused.status).toBe(422);
    expect(await db.measure.count()).toBe(before);
  });

  it("follows the admin's choices: a section mapped to an area, a title rule, a column ignored", async () => {
    await signInAs(admin);
    const bytes = await officeTable({ section2: "（二）园区建设" });
    const mapping = { areas: { 园区建设: industry.code }, titleRule: "measure", columns: { "4": "ignore" }, codePrefix: `M${s}-` };
    const plan = await preview(bytes, mapping);
    expect(plan.errors).toEqual([]);
    expect(plan.mapping?.columns.find((column) => column.column === 4)).toEqual({ column: 4, header: "配合单位", field: null });
    expect(plan.creates.map((row) => [row.code, row.title])).toEqual([
      [`M${s}-1-1`, "实施改扩建 （一期）"],
      [`M${s}-1-2`, "推进快速路"],
      [`M${s}-2-3`, "建设合作园区"],
    ]);
    // Confirming needs the same choices: without them the section is unknown again and nothing is written.
    const without = await post(bytes, { fingerprint: plan.fingerprint }, false);
    expect([without.status, without.body.error.fieldErrors.file.key]).toEqual([422, "importHasErrors"]);
    expect(await db.measure.count({ where: { code: { startsWith: `M${s}-` } } })).toBe(0);
    const confirmed = await post(bytes, { fingerprint: plan.fingerprint, mapping: JSON.stringify(mapping) }, false);
    expect(confirmed.body).toEqual({ created: 3, updated: 0 });
    const park = await db.measure.findUniqueOrThrow({ where: { code: `M${s}-2-3` }, include: { cooperatingUnits: true } });
    expect([park.areaId, park.cooperatingUnits]).toEqual([industry.id, []]);
  });

  it("remembers the confirmed choices for the next file with the same header", async () => {
    await signInAs(admin);
    const header = `（二）远期合作${s}`;
    const mapping = { areas: { [`远期合作${s}`]: industry.code }, codePrefix: `R${s}-` };
    const first = await officeTable({ section2: header });
    const plan = await preview(first, mapping);
    expect(plan.mapping?.sections).toEqual([
      { name: `基础设施一体化${s}`, area: infra.code, proposedCode: null },
      { name: `远期合作${s}`, area: industry.code, proposedCode: null },
    ]);
    expect((await post(first, { fingerprint: plan.fingerprint, mapping: JSON.stringify(plan.mapping!.choice) }, false)).body).toEqual({ created: 3, updated: 0 });

    // The same header next month, no choices sent: the remembered ones apply.
    const next = await preview(await officeTable({ section2: header }));
    expect(next.mapping?.choice).toEqual(mapping);
    expect(next).toMatchObject({ errors: [], creates: [], unchanged: 3 });
  });

  it("creates a new area for an unknown group when the admin proposes one, audited, sealed by the fingerprint", async () => {
    await signInAs(admin);
    const bytes = await officeTable({ section2: `（二）数字经济${s}` });
    const prefix = `N${s}-`;
    const first = await preview(bytes, { codePrefix: prefix });
    const unknown = first.mapping!.sections.find((section) => section.name === `数字经济${s}`)!;
    // The code proposed is the one the group's measures' codes start with.
    expect(unknown).toEqual({ name: `数字经济${s}`, area: null, proposedCode: `${prefix}2` });
    expect(first.errors.map((issue) => issue.key)).toEqual(["unknownAreaSection"]);

    // A code already used is an error on the group's first row.
    const taken = await preview(bytes, { codePrefix: prefix, newAreas: { [`数字经济${s}`]: { code: infra.code, titleZh: "数字经济", programme: `OP-${s}` } } });
    expect(taken.errors).toEqual([{ row: 9, column: "重点任务", key: "newAreaCodeTaken", values: { code: infra.code } }]);

    const newArea = { code: unknown.proposedCode!, titleZh: `数字经济${s}`, programme: `OP-${s}` };
    const mapping = { codePrefix: prefix, newAreas: { [`数字经济${s}`]: newArea } };
    const plan = await preview(bytes, mapping);
    expect(plan.errors).toEqual([]);
    expect(plan.newAreas).toEqual([{ section: `数字经济${s}`, code: newArea.code, titleZh: newArea.titleZh, titleEn: newArea.titleZh, programme: `OP-${s}` }]);
    expect(plan.creates.find((row) => row.code === `${prefix}2-3`)!.changes).toContainEqual({ field: "area", before: "", after: newArea.code });
    // The preview creates nothing; the fingerprint covers the new area (another name is another plan).
    expect(await db.area.count({ where: { code: newArea.code } })).toBe(0);
    const renamed = await preview(bytes, { ...mapping, newAreas: { [`数字经济${s}`]: { ...newArea, titleEn: "Digital economy" } } });
    expect(renamed.fingerprint).not.toBe(plan.fingerprint);
    expect((await post(bytes, { fingerprint: renamed.fingerprint, mapping: JSON.stringify(mapping) }, false)).status).toBe(409);
    expect(await db.area.count({ where: { code: newArea.code } })).toBe(0);

    expect((await post(bytes, { fingerprint: plan.fingerprint, mapping: JSON.stringify(mapping) }, false)).body).toEqual({ created: 3, updated: 0 });
    const area = await db.area.findUniqueOrThrow({ where: { code: newArea.code }, include: { programme: true, measures: { select: { code: true } } } });
    expect([area.titleZh, area.titleEn, area.programme.code, area.measures.map((measure) => measure.code)]).toEqual([newArea.titleZh, newArea.titleZh, `OP-${s}`, [`${prefix}2-3`]]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Area", entityId: area.id } });
    expect(audit).toMatchObject({ action: "area.importCreate", actorId: admin.id, after: { code: newArea.code, section: `数字经济${s}` } });
    // The next file with this header maps the group to the area now there.
    const next = await preview(bytes);
    expect(next).toMatchObject({ errors: [], creates: [], unchanged: 3 });
    expect(next.mapping?.choice.areas?.[`数字经济${s}`]).toBe(newArea.code);
  });

  it("refuses a mapping that is not valid JSON or names an unknown field", async () => {
    await signInAs(admin);
    const bytes = await officeTable();
    for (const mapping of ["{not json", JSON.stringify({ columns: { "1": "budget" } }), JSON.stringify({ extra: true })]) {
      const response = await post(bytes, { mapping });
      expect(response.status, mapping).toBe(422);
    }
  });

  it("asks once per unit name: a confirmed suggestion becomes an alias for the next file, 各市 becomes the seven cities", async () => {
    await signInAs(admin);
    const misspelt = `测${s}省交通运输局`;
    const bytes = await officeTable({ lead2: misspelt, cooperating3: "经济圈各市" });
    const plan = await preview(bytes, { codePrefix: `U${s}-` });
    expect(plan.errors.map((error) => [error.row, error.column, error.key])).toEqual([
      [7, "牵头单位", "unknownUnitSuggest"],
      [9, "配合单位", "confirmAllCities"],
    ]);
    const transportCode = (await db.unit.findUniqueOrThrow({ where: { id: transport.id } })).code;
    expect(plan.mapping?.unitNames).toEqual([
      expect.objectContaining({ name: misspelt, allCities: false, chosen: null, suggestions: expect.arrayContaining([expect.objectContaining({ code: transportCode })]) }),
      { name: "经济圈各市", allCities: true, suggestions: [], chosen: null },
    ]);
    expect(plan.mapping?.unitNames[0]?.suggestions[0]?.code).toBe(transportCode);

    const mapping = { codePrefix: `U${s}-`, units: { [misspelt]: transportCode, 经济圈各市: "*cities" } };
    const chosen = await preview(bytes, mapping);
    expect(chosen.errors).toEqual([]);
    const confirmed = await post(bytes, { fingerprint: chosen.fingerprint, mapping: JSON.stringify(mapping) }, false);
    expect(confirmed.body).toEqual({ created: 3, updated: 0 });
    const road = await db.measure.findUniqueOrThrow({ where: { code: `U${s}-1-2` } });
    expect(road.leadUnitId).toBe(transport.id);
    const park = await db.measure.findUniqueOrThrow({ where: { code: `U${s}-2-3` }, include: { cooperatingUnits: true } });
    const cityGovernments = await db.unit.findMany({ where: { kind: "CITY_GOVERNMENT", active: true }, select: { id: true } });
    expect(park.cooperatingUnits.map((link) => link.unitId).sort()).toEqual(cityGovernments.map((unit) => unit.id).filter((id) => id !== ndrc.id).sort());
    expect(park.cooperatingUnits.map((link) => link.unitId)).toContain(jinanGov.id);

    // The confirmed name is now an alias (audited); 各市 is not (it stays a per-header choice).
    const alias = await db.unitAlias.findFirstOrThrow({ where: { alias: misspelt } });
    expect([alias.unitId, alias.createdById]).toEqual([transport.id, admin.id]);
    expect(await db.unitAlias.count({ where: { alias: "经济圈各市" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "unitAlias.create", entityId: transport.id, actorId: admin.id } })).toBeGreaterThan(0);

    // Next file, chosen afresh (nothing remembered is used): the misspelt name is known now.
    const next = await preview(await officeTable({ lead2: misspelt }), { codePrefix: `V${s}-` });
    expect(next.errors).toEqual([]);
    expect(next.mapping?.unitNames).toEqual([]);
  });
});
