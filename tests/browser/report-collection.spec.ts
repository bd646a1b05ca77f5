import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Columns of the sheet (lib/report-collection/collection-format.ts): A code, F progress, I percent.
const CODE = 1;
const PROGRESS = 6;
const PERCENT = 9;

/** Downloads the chosen unit's sheet and fills in its first row still open for input, as a person would in Excel. */
async function downloadAndFill(page: Page, unitName: string | null) {
  await page.goto("/reports/collect");
  await expect(page.getByRole("heading", { name: "报表回收" })).toBeVisible();
  if (unitName) await page.getByLabel("单位").selectOption({ label: unitName });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载报告表" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(String(sheet.getCell(1, 1).value)).toContain("淄博市发展和改革委员会");
  let row = 4;
  while (sheet.getCell(row, PROGRESS).protection?.locked !== false) row++;
  const code = String(sheet.getCell(row, CODE).value);
  sheet.getCell(row, PROGRESS).value = "浏览器回收：完成年度目标的一半";
  sheet.getCell(row, PERCENT).value = 50;
  return { code, upload: { name: "报告回收表.xlsx", mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) } };
}

test("[REPORTS]: an inspector downloads a unit's sheet, previews it and confirms it on the unit's behalf; the unit's official uploads its own, confirms, and the same file again changes nothing", async ({ browser }) => {
  // Two sign-ins, two downloads and three uploads: more than the default minute on a loaded machine.
  test.setTimeout(240_000);
  const inspector = await browser.newPage();
  await logIn(inspector, "inspector", undefined, "/missing");
  await inspector.getByTestId("collect-link").click();
  const filled = await downloadAndFill(inspector, "淄博市发展和改革委员会");
  await inspector.getByLabel("报告表文件（.xlsx）").setInputFiles(filled.upload);
  await inspector.getByRole("button", { name: "预览" }).click();
  await expect(inspector.getByTestId("collection-summary")).toContainText("错误 0");
  // The inspector confirms on the unit's behalf: submitted only (no draft choice), recorded as such on the report's history.
  await expect(inspector.getByText("确认后报告")).toHaveCount(0);
  await inspector.getByRole("button", { name: "代单位确认写入" }).click();
  await expect(inspector.getByTestId("collection-result")).toHaveText(/^已写入：新建 [01] 份，更新 [01] 份报告；\d+ 行无变化。$/);
  await inspector.goto(`/measures/${filled.code}?tab=history`);
  await expect(inspector.getByText(/代 淄博市发展和改革委员会 报送了/).first()).toBeVisible();
  await inspector.close();

  const official = await browser.newPage();
  await logIn(official, "zibo.official", undefined, "/reports/collect");
  const own = await downloadAndFill(official, null);
  await official.getByLabel("报告表文件（.xlsx）").setInputFiles(own.upload);
  await official.getByRole("button", { name: "预览" }).click();
  const row = official.getByTestId("collection-row").filter({ hasText: own.code });
  await expect(row).toHaveAttribute("data-action", /^(create|update)$/);
  await expect(row).toContainText("进展情况");
  fs.mkdirSync("test-results/screens", { recursive: true });
  await official.getByTestId("collection-preview").screenshot({ path: "test-results/screens/report-collection-preview.png" });
  await official.getByRole("button", { name: "确认写入" }).click();
  await expect(official.getByTestId("collection-result")).toHaveText(/^已写入：新建 [01] 份，更新 [01] 份报告；\d+ 行无变化。$/);

  // The same file again: nothing to write, and the confirm stays disabled.
  await official.getByRole("button", { name: "预览" }).click();
  await expect(official.getByText("没有需要写入的内容：与系统中的报告一致。")).toBeVisible();
  await expect(official.getByTestId("collection-row").filter({ hasText: own.code })).toHaveAttribute("data-action", "unchanged");
  await expect(official.getByRole("button", { name: "确认写入" })).toBeDisabled();

  // The report is on the measure page, submitted.
  await official.goto(`/measures/${own.code}?tab=reports`);
  await expect(official.getByText("浏览器回收：完成年度目标的一半").first()).toBeVisible();
  await official.close();
});
