import { describe, expect, it } from "vitest";
import { cleanCellText, detectSheetLayout, matchLayoutHeader, sectionName, taskNumber, type SheetGrid } from "@/lib/measure-import/sheet-layout";

/** A real-format table: title, sub-title, blank row, header on row 4, groups, tasks, a 合计 row. */
const office: SheetGrid = {
  cells: [
    ["省会经济圈一体化发展2021年重点任务分解表", "", "", "", "", ""],
    ["填报单位：省发展改革委", "", "", "", "填报时间：2021年3月", ""],
    ["", "", "", "", "", ""],
    ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
    ["一、基础设施一体化", "", "", "", "", ""],
    ["1", "打通瓶颈路", "实施济南至淄博段改扩建", "省交通运输厅", "济南市政府、淄博市政府", "2021年12月底前"],
    ["2", "轨道交通", "推进济莱城际", "济南市政府", "", "2022年"],
    ["（二）产业协同", "", "", "", "", ""],
    ["3", "飞地经济", "共建园区", "省发展改革委", "各市政府", "长期坚持"],
    ["合计", "3项", "", "", "", ""],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 5 },
    { top: 4, left: 0, bottom: 4, right: 5 },
    { top: 7, left: 0, bottom: 7, right: 5 },
  ],
};

describe("finding the header and the rows of an office's table", () => {
  it("finds the header on row 4 under title rows and maps every column by its synonym", () => {
    const layout = detectSheetLayout(office)!;
    expect(layout.headerRows).toEqual([3]);
    expect([...layout.columns]).toEqual([
      [0, "number"],
      [1, "task"],
      [2, "measure"],
      [3, "leadUnit"],
      [4, "cooperatingUnits"],
      [5, "dueDate"],
    ]);
    expect(layout.unmapped).toEqual([]);
  });

  it("classifies title, blank, group, task and total rows, and gives tasks their section as area", () => {
    const layout = detectSheetLayout(office)!;
    expect(layout.rows).toEqual([
      { row: 0, kind: "title" },
      { row: 1, kind: "title" },
      { row: 2, kind: "blank" },
      { row: 3, kind: "header" },
      { row: 4, kind: "group" },
      { row: 5, kind: "task", area: "基础设施一体化" },
      { row: 6, kind: "task", area: "基础设施一体化" },
      { row: 7, kind: "group" },
      { row: 8, kind: "task", area: "产业协同" },
      { row: 9, kind: "total" },
    ]);
  });

  it("reads a two-row header: a merged group header over its sub-columns", () => {
    const grid: SheetGrid = {
      cells: [
        ["编号", "工作任务", "主要内容", "责任单位", "", "时间节点", "备注"],
        ["", "", "", "牵头部门", "协办单位", "", ""],
        ["1.1", "建设飞地", "共建园区", "济南市发展改革委", "淄博市发展改革委", "2021.9", "（已完成）"],
      ],
      merges: [
        { top: 0, left: 3, bottom: 0, right: 4 },
        { top: 0, left: 0, bottom: 1, right: 0 },
      ],
    };
    const layout = detectSheetLayout(grid)!;
    expect(layout.headerRows).toEqual([0, 1]);
    expect(Object.fromEntries(layout.columns)).toEqual({
      0: "number",
      1: "task",
      2: "measure",
      3: "leadUnit",
      4: "cooperatingUnits",
      5: "dueDate",
      6: "notes",
    });
    expect(layout.rows.at(-1)).toEqual({ row: 2, kind: "task" });
  });

  it("lists headers it does not know, and a repeated field, as unmapped for the admin to map", () => {
    const grid: SheetGrid = {
      cells: [
        ["序号", "任务名称", "责任单位", "牵头部门", "资金来源"],
        ["1", "建设", "济南市政府", "", "省级"],
      ],
      merges: [],
    };
    const layout = detectSheetLayout(grid)!;
    expect(layout.unmapped).toEqual([
      { column: 3, header: "牵头部门" },
      { column: 4, header: "资金来源" },
    ]);
  });

  it("says there is no header when no row names a task or lead unit", () => {
    expect(detectSheetLayout({ cells: [["姓名", "电话"], ["张三", "123"]], merges: [] })).toBeNull();
    expect(detectSheetLayout({ cells: [["序号", "备注"]], merges: [] })).toBeNull();
  });

  it("a section row without a merge is recognised by its numbering; a numbered task is not", () => {
    const grid: SheetGrid = {
      cells: [
        ["序号", "重点任务", "牵头单位"],
        ["第一部分 交通互联", "", ""],
        ["1", "修路", "省交通运输厅"],
      ],
      merges: [],
    };
    expect(detectSheetLayout(grid)!.rows.slice(1)).toEqual([
      { row: 1, kind: "group" },
      { row: 2, kind: "task", area: "交通互联" },
    ]);
  });
});

describe("cell texts", () => {
  it("cleans full-width and no-break spaces and empty lines, keeping line breaks between lines", () => {
    expect(cleanCellText("\u3000 济南市政府 \r\n\r\n  淄博市\u00a0政府\u3000")).toBe("济南市政府\n淄博市 政府");
  });

  it("matches headers loosely (spaces, full-width brackets, asterisks)", () => {
    expect(matchLayoutHeader(" 牵头 单位 ")).toBe("leadUnit");
    expect(matchLayoutHeader("*完成时限")).toBe("dueDate");
    expect(matchLayoutHeader("联系人")).toBe("responsiblePerson");
    expect(matchLayoutHeader("资金")).toBeUndefined();
  });

  it("strips a section's numbering", () => {
    expect(sectionName("一、基础设施一体化")).toBe("基础设施一体化");
    expect(sectionName("（二）产业协同")).toBe("产业协同");
    expect(sectionName("第三部分：公共服务")).toBe("公共服务");
    expect(sectionName("其他")).toBe("其他");
  });

  it("normalises task numbers written as 1, 1.1, (1), （1）, 1. and ①", () => {
    expect(["1", "1.1", "(1)", "（12）", "3.", "①", "⑫", "１"].map(taskNumber)).toEqual(["1", "1.1", "1", "12", "3", "1", "12", "1"]);
    expect(taskNumber("一")).toBeNull();
    expect(taskNumber("")).toBeNull();
  });
});
