import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { logIn, openHeaderMenu } from "./helpers";

/** The downloaded template with rows added below its example row, as an upload. */
async function filledTemplate(template: ExcelJS.Workbook, rows: unknown[][]) {
  const sheet = template.worksheets[0]!;
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await template.xlsx.writeBuffer());
  sheet.spliceRows(sheet.rowCount - rows.length + 1, rows.length);
  return { name: "任务分解表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer };
}

async function previewAndConfirm(page: Page, upload: Awaited<ReturnType<typeof filledTemplate>>, summary: string, result: string) {
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles(upload);
  const confirm = page.getByRole("button", { name: "确认导入" });
  await expect(confirm).toBeDisabled();
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(summary);
  await confirm.click();
  await expect(page.getByTestId("import-result")).toHaveText(result);
}

test("[IMPORT]: an admin downloads the template, previews a task list, fixes an error, confirms, and sees the result", async ({ page }) => {
  await logIn(page, "admin");
  await openHeaderMenu(page, "admin-menu");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "导入" }).click();
  await expect(page.getByRole("heading", { name: "导入任务分解表" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("import-template").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = template.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["序号", "编号", "任务/措施", "牵头单位", "配合单位", "责任人", "完成时限", "KPI", "投资（万元）", "领域", "城市"]);
  const example = sheet.getRow(2);
  expect(example.getCell(1).value).toBe("示例");
  expect(template.worksheets[1]!.name).toBe("填写说明");
  // The example's own unit and area are real values of this installation.
  const [leadUnit, area] = [String(example.getCell(4).value), String(example.getCell(10).value)];

  // A bad unit name is reported by row and column, and nothing can be confirmed.
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles(await filledTemplate(template, [[1, "9.9.100", "浏览器导入的措施", "不存在的单位", "", "", "2027-06-30", "", "", area, ""]]));
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("第 3 行，牵头单位：未知单位“不存在的单位”");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();

  await previewAndConfirm(
    page,
    await filledTemplate(template, [[1, "9.9.100", "浏览器导入的措施", leadUnit, "", "李四", "2027-06-30", "", "800", area, ""]]),
    "共 1 行：新建 1 项，更新 0 项，无变化 0 项，错误 0 处。",
    "导入完成：新建 1 项，更新 0 项。",
  );
  // The same measure again with another due date: an update, shown field by field.
  const update = await filledTemplate(template, [[1, "9.9.100", "浏览器导入的措施", leadUnit, "", "李四", "2027-09-30", "", "800", area, ""]]);
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles(update);
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("import-updates")).toContainText("完成时限: 2027-06-30 → 2027-09-30");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("导入完成：新建 0 项，更新 1 项。");

  await page.goto("/measures/9.9.100");
  await expect(page.getByRole("heading", { name: /浏览器导入的措施/ })).toBeVisible();
});

test("[IMPORT]: a file over the size limit is refused before upload in the page, and by the server without reading it", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/import");
  // Over the import's 5 MB, under the request gate's body limit (16 MiB), so the app's own refusal answers.
  const big = { name: "大文件.xlsx", mimeType: "application/octet-stream", buffer: Buffer.alloc(8 * 1024 * 1024, 1) };
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles(big);
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("import-error")).toHaveText("文件超过 5 MB，不能导入。");

  // The same file sent straight to the API, past the page: 413 from the declared length.
  const response = await page.request.post("/api/v1/measures/import?dryRun=1", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: big },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.fieldErrors.file).toEqual({ key: "importTooLarge", values: { maxMb: 5 } });
});

test("[IMPORT]: an office's own table (title rows, groups, deadline phrases) imports after mapping one group to an area and proposing a new area for another; an ongoing task reads 长期", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("import-template").click()]);
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const example = template.worksheets[0]!.getRow(2);
  const [leadUnit, area] = [String(example.getCell(4).value), String(example.getCell(10).value)];

  const office = new ExcelJS.Workbook();
  const sheet = office.addWorksheet("任务分解表");
  sheet.addRow(["浏览器测试重点任务分解表"]);
  sheet.mergeCells("A1:E1");
  sheet.addRow(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]);
  sheet.addRow(["一、浏览器测试分组"]);
  sheet.mergeCells("A3:E3");
  sheet.addRow(["1", "办公室表格导入的措施", leadUnit, "", "2027年第三季度"]);
  sheet.addRow(["二、浏览器测试新领域"]);
  sheet.mergeCells("A5:E5");
  sheet.addRow(["1", "长期坚持的浏览器测试措施", leadUnit, "", "长期坚持"]);
  sheet.addRow(["合计", "2项"]);
  const upload = { name: "办公室任务分解表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await office.xlsx.writeBuffer()) };

  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles(upload);
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("第 4 行，工作任务：分组“浏览器测试分组”不是已有领域");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();

  const mapping = page.getByTestId("import-mapping");
  await expect(mapping).toContainText("表头在第 2 行");
  await mapping.getByLabel("浏览器测试分组").selectOption(area);
  await mapping.getByLabel("编号前缀").fill("BROWSER-");
  // The second group matches no area: a new one, its code proposed, its name the group's title.
  await mapping.getByLabel("浏览器测试新领域", { exact: true }).selectOption({ label: "新建领域…" });
  const newArea = mapping.getByTestId("import-new-area");
  await expect(newArea.getByLabel("领域编号")).not.toHaveValue("");
  await expect(newArea.getByLabel("领域名称（中文）")).toHaveValue("浏览器测试新领域");
  await newArea.getByLabel("领域编号").fill("BROWSER-NEW");
  await mapping.getByRole("button", { name: "按此对应关系重新预览" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("共 2 行：新建 2 项，更新 0 项，无变化 0 项，错误 0 处。");
  await expect(page.getByTestId("import-new-areas")).toContainText("BROWSER-NEW 浏览器测试新领域");
  await expect(page.getByTestId("import-creates")).toContainText("按“季度末”读取");
  // Title, header, group and 合计 rows.
  await expect(page.getByTestId("import-skipped")).toContainText("未导入的行（5）");
  // The README's picture of an office table's preview (mapping and plan).
  await page.getByTestId("import-mapping").locator("..").screenshot({ path: "test-results/screens/import-office-preview.png" });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("导入完成：新建 2 项，更新 0 项。");

  await page.goto("/measures/BROWSER-1-1");
  await expect(page.getByRole("heading", { name: /办公室表格导入的措施/ })).toBeVisible();

  // The ongoing task: 长期 in place of a due date on its page and in the ledger of the new area.
  await page.goto("/measures/BROWSER-2-1");
  await expect(page.getByTestId("measure-ongoing")).toHaveText("长期");
  await page.goto("/ledger?area=BROWSER-NEW");
  await expect(page.getByRole("cell", { name: "长期", exact: true })).toBeVisible();
});

test("[IMPORT]: a refused preview moves the focus to the error message, each time", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/import");
  const preview = page.getByRole("button", { name: "预览" });
  const error = page.getByTestId("import-error");
  await preview.click();
  await expect(error).toHaveText("请先选择一个 .xlsx 文件。");
  await expect(error).toBeFocused();
  // The same message again still takes the focus from the button.
  await preview.focus();
  await preview.click();
  await expect(error).toBeFocused();
  // A file the server refuses: its reason, focused.
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles({ name: "不是表格.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("not a workbook") });
  await preview.click();
  await expect(error).not.toHaveText("请先选择一个 .xlsx 文件。");
  await expect(error).toBeFocused();
});
