import fs from "node:fs";
import JSZip from "jszip";
import { expect, test, type Page } from "@playwright/test";
import { extractText } from "unpdf";
import { logIn } from "./helpers";

/** Last month in China, the form's default, as YYYY-MM. */
function lastMonth(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

/** Clicks a download button and returns the saved file's name and bytes. */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

test("[BULLETIN]: downloads the month's bulletin as Word and as PDF, showing progress", async ({ page }) => {
  const month = lastMonth();
  await logIn(page, "viewer", undefined, "/bulletin");
  await expect(page.getByRole("heading", { name: "月度进展通报" })).toBeVisible();
  await expect(page.getByLabel("月份")).toHaveValue(month);
  // A viewer downloads previews; issuing is for inspectors and admins.
  await expect(page.getByTestId("bulletin-issue-pdf")).toHaveCount(0);

  const word = await download(page, "bulletin-docx");
  expect(word.name).toBe(`督查通报-${month}（预览）.docx`);
  expect(word.bytes.length).toBeGreaterThan(10_000);
  const zip = await JSZip.loadAsync(word.bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  for (const text of ["督查通报", "省会经济圈一体化发展督查办公室（示例）", "1. 进展情况", "2. 存在问题", "3. 下步打算", "示例数据"]) expect(xml).toContain(text);
  expect(xml).toMatch(/\d{4}年第 \d+ 期（预览）/);
  expect(await zip.file("word/footer1.xml")!.async("string")).toContain("NUMPAGES");
  await expect(page.getByTestId("bulletin-status")).toContainText(word.name);

  // Hold the PDF response until the button has been seen preparing.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/bulletin.pdf?*", async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  const pdfButton = page.getByTestId("bulletin-pdf");
  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    (async () => {
      await pdfButton.click();
      await expect(pdfButton).toBeDisabled();
      await expect(pdfButton).toHaveText("正在生成…");
      await expect(page.getByTestId("bulletin-docx")).toBeDisabled();
      release();
    })(),
  ]);
  await page.unroute("**/api/v1/bulletin.pdf?*");
  expect(pdfDownload.suggestedFilename()).toBe(`督查通报-${month}（预览）.pdf`);
  const pdf = fs.readFileSync((await pdfDownload.path())!);
  expect(pdf.length).toBeGreaterThan(20_000);
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  // Table cells wrap long Chinese titles onto several lines.
  const joined = text.replace(/\s+/g, "");
  expect(joined).toContain("督查通报");
  expect(joined).toContain("推进落实情况的通报");
  expect(joined).toContain("推动省会经济圈基础设施互联互通");
  expect(joined).toMatch(/第1页共\d+页/);
  await expect(pdfButton).toBeEnabled();
  await expect(pdfButton).toHaveText("下载 PDF");
});

test("[BULLETIN]: an English PDF for one area", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/bulletin");
  await page.getByLabel("领域").selectOption("2.1");
  await page.getByLabel("通报语言").selectOption("en");
  const pdf = await download(page, "bulletin-pdf");
  expect(pdf.name).toMatch(/^inspection-bulletin-\d{4}-\d{2}-preview\.pdf$/);
  const { text } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
  expect(text).toContain("Progress of");
  expect(text).toMatch(/Page 1 of \d+/);
  expect(text).toContain("area 2.1");
  expect(text).not.toContain("2.2.1");
});

test("[BULLETIN]: a refused request is explained, and the buttons come back", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/bulletin");
  // Past the browser's own check: the server refuses a month that has not begun.
  const monthInput = page.getByLabel("月份");
  await monthInput.evaluate((input) => input.removeAttribute("max"));
  await monthInput.fill("2999-01");
  await page.getByTestId("bulletin-docx").click();
  await expect(page.getByTestId("bulletin-error")).toHaveText("生成失败：不能选择尚未开始的月份。");
  await expect(page.getByTestId("bulletin-docx")).toBeEnabled();
});

test("[BULLETIN]: the dashboard links to the bulletin of its month and scope", async ({ page }) => {
  await logIn(page, "leader", undefined, "/dashboard?area=2.1&asOf=2026-09");
  await page.getByTestId("dashboard-bulletin").click();
  await expect(page).toHaveURL(/\/bulletin\?month=2026-09&area=2\.1&lang=zh-CN$/);
  await expect(page.getByLabel("月份")).toHaveValue("2026-09");
  await expect(page.getByLabel("领域")).toHaveValue("2.1");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "报表" })).toHaveAttribute("aria-current", "page");
});

test("[BULLETIN]: the first page is previewed as the 通报 looks, and follows the chosen scope", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, "viewer", undefined, "/bulletin");
  const preview = page.getByTestId("bulletin-preview");
  await expect(preview.getByText("督查通报", { exact: true })).toBeVisible();
  await expect(page.getByTestId("bulletin-preview-issuer")).toHaveText("省会经济圈一体化发展督查办公室（示例）");
  await expect(page.getByTestId("bulletin-preview-issue")).toHaveText(/^\d{4}年第 \d+ 期（预览）$/);
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText(/^关于.+推进落实情况的通报（示例数据）$/);
  await expect(preview.getByText(/^截至.+现将有关情况通报如下。$/)).toBeVisible();
  await expect(preview.getByText("一、各领域推进情况")).toBeVisible();
  await expect(preview.getByText("1. 进展情况").first()).toBeVisible();
  await expect(page.getByTestId("bulletin-issue-state")).toHaveText("未签发：下载的文件标注“预览”，不占用期号。");
  await page.screenshot({ path: "test-results/screens/bulletin-zh-1440.png", fullPage: true });

  await page.getByLabel("领域").selectOption("2.1");
  await page.getByTestId("bulletin-preview-button").click();
  await expect(page).toHaveURL(/[?&]area=2\.1(&|$)/);
  await expect(preview.getByText(/^截至.+领域 2\.1 .+范围内共有任务措施/)).toBeVisible();
  await expect(preview.getByText(/^（一）2\.1 /)).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(preview).toBeVisible();
  // The page fits the phone's width: nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/bulletin-zh-390.png", fullPage: true });
});

test("[BULLETIN]: an inspector issues the 通报: it takes the year's next 期号 and keeps it", async ({ page }) => {
  await logIn(page, "inspector", undefined, "/bulletin?month=2026-08&area=2.1");
  const previewIssue = await page.getByTestId("bulletin-preview-issue").textContent();
  const [, year, number] = /^(\d{4})年第 (\d+) 期/.exec(previewIssue ?? "") ?? [];
  expect(number, previewIssue ?? "").toBeDefined();
  let confirmed = "";
  page.once("dialog", (dialog) => {
    confirmed = dialog.message();
    void dialog.accept();
  });
  const pdf = await download(page, "bulletin-issue-pdf");
  expect(confirmed).toContain("正式期号");
  // Issued before (a rerun on the same database) or now: either way the number shown in the preview, without 预览.
  const issued = /-(\d{4})年第(\d+)期\.pdf$/.exec(pdf.name);
  expect(issued, pdf.name).not.toBeNull();
  const label = `${issued![1]}年第 ${issued![2]} 期`;
  if (previewIssue!.endsWith("（预览）")) expect([issued![1], issued![2]]).toEqual([year, number]);
  const { text } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
  expect(text.replace(/\s+/g, "")).toContain(label.replace(/\s+/g, ""));
  expect(text).not.toContain("预览");
  await expect(page.getByTestId("bulletin-preview-issue")).toHaveText(label);
  await expect(page.getByTestId("bulletin-issue-state")).toContainText(`本通报已签发（${label}）`);
  // Downloaded again, without issuing: the same number.
  const again = await download(page, "bulletin-docx");
  expect(again.name).toBe(pdf.name.replace(/\.pdf$/, ".docx"));
});

test("[BULLETIN]: the issuing office is set on /admin/settings and printed in the red header", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/settings");
  const form = page.getByTestId("bulletin-settings-form");
  const field = form.getByLabel("发文机关名称");
  await field.fill("济南市人民政府督查室");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  try {
    await page.goto("/bulletin");
    await expect(page.getByTestId("bulletin-preview-issuer")).toHaveText("济南市人民政府督查室");
  } finally {
    // Back to the sample name, marked as such, for the other tests.
    await page.goto("/admin/settings");
    await form.getByLabel("发文机关名称").fill("");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toHaveText("已保存。");
  }
});

test("[BULLETIN]: the drafted summary is edited by an inspector, saved, and opens the Word file", async ({ page }) => {
  await logIn(page, "inspector", undefined, "/bulletin");
  const editor = page.getByTestId("bulletin-narrative");
  const box = editor.getByLabel("综述文字");
  await expect(editor.getByTestId("bulletin-narrative-state")).toHaveText("当前为自动起草的综述，尚未保存。");
  const draft = await box.inputValue();
  // The draft states the month's figures, one paragraph a line.
  expect(draft).toMatch(/^截至\d{4}年\d{1,2}月底，纳入统计的\d+项措施中已完成\d+项/);
  expect(draft).toMatch(/预计不能按期完成的措施\d+项|暂无预计不能按期完成的措施/);

  // A blank summary is refused, and the box keeps what is there (nothing).
  await box.fill("   ");
  await editor.getByRole("button", { name: "保存综述" }).click();
  await expect(editor.getByText("必填。")).toBeVisible();

  const edited = `${draft.split("\n")[0]}\n督查专员补充：请各牵头单位于下月5日前报送整改情况。`;
  await box.fill(edited);
  await editor.getByRole("button", { name: "保存综述" }).click();
  await expect(editor.getByText("已保存。")).toBeVisible();
  await page.reload();
  await expect(editor.getByTestId("bulletin-narrative-state")).toContainText("当前为已保存的综述");
  await expect(box).toHaveValue(edited);

  const word = await download(page, "bulletin-docx");
  const xml = await (await JSZip.loadAsync(word.bytes)).file("word/document.xml")!.async("string");
  expect(xml).toContain("督查专员补充：请各牵头单位于下月5日前报送整改情况。");

  // "Regenerate" asks first, then puts the draft back in the box (saved only when saved).
  page.once("dialog", (dialog) => void dialog.accept());
  await editor.getByRole("button", { name: "重新起草" }).click();
  await expect(box).toHaveValue(draft);

  // A viewer reads the saved summary and cannot change it.
  await page.context().clearCookies();
  await logIn(page, "viewer", undefined, "/bulletin");
  await expect(page.getByTestId("bulletin-narrative").getByLabel("综述文字")).toHaveValue(edited);
  await expect(page.getByTestId("bulletin-narrative").getByLabel("综述文字")).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "保存综述" })).toHaveCount(0);
});
