import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[EXPORT]: the ledger view downloads as a CSV Excel opens with Chinese intact", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/ledger?light=RED");
  const total = Number((await page.getByTestId("ledger-total").innerText()).match(/\d+/)![0]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("序号,编号,任务/措施,牵头单位,配合单位,责任人,完成时限,进展情况,存在问题,下步打算,完成比例,灯色,KPI,投资（万元）,数据性质,领域,城市,督办单,佐证材料,交付预测,预计完成月份,每月需推进（百分点）,近期月均推进（百分点）");
  // One line per measure of the view (no field of a red measure spans lines in the demo data).
  expect(lines.length - 1).toBe(total);
  expect(lines.slice(1).every((line) => line.includes("红灯") && line.includes("示例数据"))).toBe(true);
});

test("[EXPORT]: the ledger view downloads as an Excel workbook with the same rows", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/ledger?area=2.1");
  const total = Number((await page.getByTestId("ledger-total").innerText()).match(/\d+/)![0]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  // A title row and a scope row stand above the header.
  expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^任务台账（截至 /);
  expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^范围：领域：2\.1 /);
  expect(sheet.getRow(3).getCell(3).value).toBe("任务/措施");
  expect(sheet.rowCount - 3).toBe(total);
  expect(String(sheet.getRow(4).getCell(2).value)).toMatch(/^2\.1\./);
});
