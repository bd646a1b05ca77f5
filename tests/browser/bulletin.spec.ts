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

  const word = await download(page, "bulletin-docx");
  expect(word.name).toBe(`月度进展通报-${month}.docx`);
  expect(word.bytes.length).toBeGreaterThan(10_000);
  const xml = await (await JSZip.loadAsync(word.bytes)).file("word/document.xml")!.async("string");
  expect(xml).toContain("措施总数");
  expect(xml).toContain("示例数据");
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
  expect(pdfDownload.suggestedFilename()).toBe(`月度进展通报-${month}.pdf`);
  const pdf = fs.readFileSync((await pdfDownload.path())!);
  expect(pdf.length).toBeGreaterThan(20_000);
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  // Table cells wrap long Chinese titles onto several lines.
  const joined = text.replace(/\s+/g, "");
  expect(joined).toContain("省会经济圈建设月度进展通报");
  expect(joined).toContain("推动省会经济圈基础设施互联互通");
  await expect(pdfButton).toBeEnabled();
  await expect(pdfButton).toHaveText("下载 PDF");
  await page.screenshot({ path: "test-results/playwright/bulletin-zh.png", fullPage: true });
});

test("[BULLETIN]: an English PDF for one area", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/bulletin");
  await page.getByLabel("领域").selectOption("2.1");
  await page.getByLabel("通报语言").selectOption("en");
  const pdf = await download(page, "bulletin-pdf");
  expect(pdf.name).toMatch(/^monthly-bulletin-\d{4}-\d{2}\.pdf$/);
  const { text } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
  expect(text).toContain("Monthly Progress Bulletin");
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
