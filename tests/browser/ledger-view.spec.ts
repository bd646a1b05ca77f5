import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[LEDGER]: a column chosen is shown, kept in the URL, and is what the Excel export holds, typed", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/ledger?area=2.1");
  const chooser = page.getByTestId("column-chooser");
  await chooser.locator("summary").click();
  // The box is the URL's: it turns checked when the new view arrives, so it is clicked rather than checked.
  await chooser.getByLabel("责任人").click();
  await expect(page).toHaveURL(/[?&]cols=[^&]*responsiblePerson/);
  await expect(page.getByRole("columnheader", { name: "责任人" })).toBeVisible();
  await chooser.getByLabel("序时进度").click();
  await expect(page).toHaveURL(/[?&]cols=[^&]*expectedPercent/);
  await expect(page.getByRole("columnheader", { name: "序时进度" })).toBeVisible();
  // The view is the URL: a reload shows the same columns; an unknown name in it is ignored, not an error.
  await page.goto(`${page.url()},nonsense`);
  await expect(page.getByRole("columnheader", { name: "责任人" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "序时进度" })).toBeVisible();
  // Dates and statuses keep to one line at desktop width.
  const due = page.locator("tr[data-measure-code]").first().locator("td").nth(5);
  expect(await due.evaluate((cell) => getComputedStyle(cell).whiteSpace)).toBe("nowrap");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(3).values as unknown[]).slice(1);
  expect(headers).toEqual(["序号", "编号", "任务/措施", "领域", "领域名称", "牵头单位", "责任人", "完成时限", "状态", "完成比例", "序时进度", "灯色", "最近报告期", "佐证材料", "数据性质"]);
  const percent = sheet.getRow(4).getCell(10);
  expect(typeof percent.value).toBe("number");
  expect(percent.numFmt).toBe("0%");
  expect(sheet.getRow(4).getCell(8).value).toBeInstanceOf(Date);
  expect(sheet.getRow(4).getCell(15).value).toBe("示例数据");
});

test("[LEDGER]: a filter menu applies on change, without the button", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/ledger");
  const filters = page.getByRole("form", { name: "筛选" });
  // Applying on change is the script's work: wait until the page has it.
  await page.waitForLoadState("networkidle");
  await filters.getByLabel("状态").selectOption({ label: "推进中" });
  await expect(page).toHaveURL(/[?&]status=IN_PROGRESS(&|$)/);
  const rows = page.locator("tr[data-measure-code]");
  await expect(rows.first()).toBeVisible();
  for (const status of await rows.locator("td:nth-child(6)").allInnerTexts()) expect(status).toBe("推进中");
  // Text still waits for Enter.
  await filters.getByLabel("搜索（编号、中文或英文标题）").fill("2.1");
  await expect(page).not.toHaveURL(/[?&]q=2/);
  await filters.getByLabel("搜索（编号、中文或英文标题）").press("Enter");
  await expect(page).toHaveURL(/[?&]q=2\.1(&|$)/);
  await expect(page).toHaveURL(/[?&]status=IN_PROGRESS(&|$)/);
});

test("[LEDGER]: on a phone the ledger is cards, light first, and the filters are a drawer", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "viewer", undefined, "/ledger");
  const cards = page.getByTestId("ledger-cards").locator("li");
  await expect(cards.first()).toBeVisible();
  await expect(page.locator("tr[data-measure-code]").first()).toBeHidden();
  const first = cards.first();
  await expect(first.locator("[data-light]").first()).toBeVisible();
  const code = await first.getAttribute("data-card-code");
  await expect(first).toContainText(code!);
  await expect(first).toContainText("%");
  await expect(first).toContainText("完成时限");
  // The light comes before the code and title.
  const order = await first.evaluate((card) => {
    const badge = card.querySelector("[data-light]")!;
    const link = card.querySelector("a")!;
    return badge.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  // The cards fit the screen.
  expect((await page.getByTestId("ledger-cards").boundingBox())!.width).toBeLessThanOrEqual(390);

  const filters = page.getByRole("form", { name: "筛选" });
  await expect(filters).toBeHidden();
  await page.waitForLoadState("networkidle");
  await page.getByTestId("filter-drawer").locator("summary").click();
  await expect(filters).toBeVisible();
  await fs.promises.mkdir("test-results/screens", { recursive: true });
  await page.screenshot({ path: "test-results/screens/ledger-phone-filters.png" });
  await filters.getByLabel("灯色").selectOption({ label: "红灯" });
  await expect(page).toHaveURL(/[?&]light=RED(&|$)/);
  await expect(cards.first()).toBeVisible();
  for (const badge of await cards.locator("[data-light]").all()) await expect(badge).toHaveAttribute("data-light", "RED");
  // Closed again (if the navigation has not closed it), the results are in view.
  const drawer = page.getByTestId("filter-drawer");
  if (await drawer.evaluate((details) => (details as HTMLDetailsElement).open)) await drawer.locator("summary").click();
  await expect(filters).toBeHidden();
  await page.screenshot({ path: "test-results/screens/ledger-phone.png", fullPage: false });

  // A card opens its measure.
  const redCode = await cards.first().getAttribute("data-card-code");
  await cards.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/measures/${redCode!.replaceAll(".", "\\.")}$`));
});
