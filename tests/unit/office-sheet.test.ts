import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseDeadline } from "@/lib/measure-import/parse-deadline";
import { officeRows } from "@/lib/measure-import/plan-office-rows";
import { readSheetGrid } from "@/lib/measure-import/read-sheet-grid";
import { detectSheetLayout } from "@/lib/measure-import/sheet-layout";
import { readSheetRecords } from "@/lib/measure-import/sheet-records";

/** A task breakdown table as an office sends it, built cell by cell and read back from bytes. */
async function officeWorkbook(): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分解表");
  sheet.addRow(["2021年省会经济圈一体化发展重点任务分解表"]);
  sheet.mergeCells("A1:G1");
  sheet.addRow(["填报单位：省发展改革委（盖章）", "", "", "", "", "填报时间：2021年3月"]);
  sheet.addRow([]);
  sheet.addRow(["序号", "重点任务", "具体措施", "责任单位", "", "完成时限", "备注"]);
  sheet.addRow(["", "", "", "牵头单位", "配合单位", "", ""]);
  sheet.mergeCells("D4:E4");
  sheet.mergeCells("A4:A5");
  sheet.addRow(["一、基础设施一体化"]);
  sheet.mergeCells("A6:G6");
  sheet.addRow(["(1)", "打通“瓶颈路”", "实施济南至淄博\n段改扩建 ", "省交通运输厅", "济南市政府、淄博市政府\n经济圈各市", "2021年12月底前", ""]);
  sheet.addRow(["(2)", "", "推进济泰快速路", "\u3000济南市人民政府 ", "泰安市政府", new Date(Date.UTC(2021, 9, 31)), "（已完成）"]);
  sheet.mergeCells("B7:B8");
  sheet.addRow(["（二）产业协同"]);
  sheet.mergeCells("A9:G9");
  sheet.addRow(["①", "共建飞地园区", "建设济南—德州合作园区", "省发展改革委", "", "长期坚持", ""]);
  sheet.addRow(["", "公共服务", "医保异地结算", "省医保局", "", "2021年第三季度", ""]);
  sheet.addRow(["合计", { formula: "COUNTA(C7:C11)", result: 4 }]);
  const bytes = await workbook.xlsx.writeBuffer();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(bytes);
  return read.worksheets[0]!;
}

describe("an office's task breakdown table, read from a real .xlsx", () => {
  it("finds the two-row header under the title rows and reads each task field by field", async () => {
    const { grid, formulaCells } = readSheetGrid(await officeWorkbook());
    const layout = detectSheetLayout(grid)!;
    expect(layout.headerRows).toEqual([3, 4]);
    const records = readSheetRecords(grid, layout);

    // 重点任务 merged over two rows repeats, so each title joins it with its 具体措施.
    expect(records.titleRule).toBe("taskPlusMeasure");
    expect(records.tasks).toEqual([
      {
        rowNumber: 7,
        sectionNumber: 1,
        code: "1-1",
        codeGenerated: false,
        title: "打通“瓶颈路”：实施济南至淄博 段改扩建",
        description: "",
        area: "基础设施一体化",
        leadUnit: "省交通运输厅",
        cooperatingUnits: "济南市政府、淄博市政府\n经济圈各市",
        dueDate: "2021年12月底前",
        responsiblePerson: "",
        notes: "",
      },
      {
        rowNumber: 8,
        sectionNumber: 1,
        code: "1-2",
        codeGenerated: false,
        title: "打通“瓶颈路”：推进济泰快速路",
        description: "",
        area: "基础设施一体化",
        leadUnit: "济南市人民政府",
        cooperatingUnits: "泰安市政府",
        dueDate: "2021-10-31",
        responsiblePerson: "",
        notes: "（已完成）",
      },
      {
        rowNumber: 10,
        sectionNumber: 2,
        code: "2-1",
        codeGenerated: false,
        title: "共建飞地园区：建设济南—德州合作园区",
        description: "",
        area: "产业协同",
        leadUnit: "省发展改革委",
        cooperatingUnits: "",
        dueDate: "长期坚持",
        responsiblePerson: "",
        notes: "",
      },
      {
        rowNumber: 11,
        sectionNumber: 2,
        code: "2-2",
        codeGenerated: true,
        title: "公共服务：医保异地结算",
        description: "",
        area: "产业协同",
        leadUnit: "省医保局",
        cooperatingUnits: "",
        dueDate: "2021年第三季度",
        responsiblePerson: "",
        notes: "",
      },
    ]);
    expect(records.skipped).toEqual([
      { rowNumber: 1, kind: "title" },
      { rowNumber: 2, kind: "title" },
      { rowNumber: 3, kind: "blank" },
      { rowNumber: 4, kind: "header" },
      { rowNumber: 5, kind: "header" },
      { rowNumber: 6, kind: "group" },
      { rowNumber: 9, kind: "group" },
      { rowNumber: 12, kind: "total" },
    ]);
    // The 合计 row's formula is read as its cached value and reported, not refused.
    expect(formulaCells).toEqual([{ row: 11, column: 1, address: "B12" }]);
  });

  it("gives every deadline phrase of the table a date and the rule that read it", async () => {
    const { grid } = readSheetGrid(await officeWorkbook());
    const records = readSheetRecords(grid, detectSheetLayout(grid)!);
    const deadlines = records.tasks.map((task) => parseDeadline(task.dueDate));
    expect(deadlines.map((result) => (result.ok ? [result.value.date?.toISOString().slice(0, 10) ?? null, result.value.rule] : result.key))).toEqual([
      ["2021-12-31", "monthEnd"],
      ["2021-10-31", "exactDate"],
      [null, "ongoing"],
      ["2021-09-30", "quarterEnd"],
    ]);
  });

  it("follows the admin's mapping: a column ignored, a title from 具体措施 alone", async () => {
    const { grid } = readSheetGrid(await officeWorkbook());
    const layout = detectSheetLayout(grid)!;
    const records = readSheetRecords(grid, layout, { columns: { 6: "ignore", 4: "ignore" }, titleRule: "measure" });
    expect(records.tasks[1]).toMatchObject({ title: "推进济泰快速路", notes: "", cooperatingUnits: "" });
    expect([...records.columns.values()]).toEqual(["number", "task", "measure", "leadUnit", "dueDate"]);
  });

  it("moves a field to the column the admin chose for it", async () => {
    const { grid } = readSheetGrid(await officeWorkbook());
    const records = readSheetRecords(grid, detectSheetLayout(grid)!, { columns: { 6: "responsiblePerson" } });
    expect(records.tasks[1]).toMatchObject({ responsiblePerson: "（已完成）", notes: "" });
  });

  it("reads a note such as （已完成） as a warning on its row, never as a status", async () => {
    const sheet = readSheetGrid(await officeWorkbook());
    const office = { ...sheet, layout: detectSheetLayout(sheet.grid)! };
    const rows = officeRows(office, {}, "signature");
    expect(rows.warnings.filter((warning) => warning.key === "noteSaysDone")).toEqual([
      { row: 8, column: "备注", key: "noteSaysDone", values: { note: "（已完成）" } },
    ]);
  });
});
