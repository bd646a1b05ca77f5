import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { logIn } from "./helpers";

// The queue holds the seed's submitted sample reports. Decisions here touch only measures no other
// spec uses (2.0.x, 2.3.x, 2.4.x), so the specs stay independent of their order.
const OURS = /^2\.[034]\./;

/** The keys of report rows of our measures, in the order shown. */
async function ourReportRows(page: Page): Promise<string[]> {
  const rows = page.locator("tr[data-kind=report]");
  await expect(rows.first()).toBeVisible();
  const keys: string[] = [];
  for (const row of await rows.all()) {
    if (OURS.test((await row.getAttribute("data-measure-code")) ?? "")) keys.push((await row.getAttribute("data-review-key"))!);
  }
  return keys;
}

const row = (page: Page, key: string) => page.locator(`tr[data-review-key="${key}"]`);

/** Opens report rows in the panel until one has last month's report beside it with the percent changed; returns its key. */
async function openReportWithChangedPercent(page: Page, keys: string[]): Promise<string> {
  const panel = page.getByTestId("review-panel");
  for (const key of keys) {
    await row(page, key).getByRole("button").first().click();
    await expect(page).toHaveURL(new RegExp(`open=${encodeURIComponent(key)}`));
    await expect(panel.getByTestId("report-comparison")).toBeVisible();
    if ((await panel.locator("[data-field=percentComplete][data-changed=true]").count()) > 0) return key;
  }
  throw new Error("No report with last month's report and a changed percent among our rows");
}

async function newPage(browser: Browser, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: "zh-CN" });
  return context.newPage();
}

test("[REVIEWS]: an inspector reads a report against last month's, returns it with a comment, and bulk-approves two", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newPage(browser);
  await logIn(page, "inspector", undefined, "/reviews?kind=report");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("待审核报告");
  const keys = await ourReportRows(page);
  expect(keys.length).toBeGreaterThanOrEqual(3);

  // The report itself in the panel, last month's beside it, the changed percent marked.
  const returned = await openReportWithChangedPercent(page, keys);
  const panel = page.getByTestId("review-panel");
  await expect(panel.getByText(/^上期 /)).toBeVisible();
  const percent = panel.locator("[data-field=percentComplete]");
  await expect(percent).toContainText("有变化");
  const [now, before] = await Promise.all([percent.locator("[data-side=current]").innerText(), percent.locator("[data-side=previous]").innerText()]);
  expect(now).not.toBe(before);
  expect(now).toMatch(/^\d+%$/);

  // Returning needs a comment; with one, the toast says so and the row leaves the queue.
  await panel.getByRole("button", { name: "退回", exact: true }).click();
  await expect(panel.getByText("退回时须填写审核意见。")).toBeVisible();
  await panel.getByLabel("审核意见（退回时必填）").fill("浏览器测试：请补充本月量化数据");
  await panel.getByRole("button", { name: "退回", exact: true }).click();
  await expect(page.getByTestId("review-toast")).toContainText("已退回：");
  await expect(row(page, returned)).toHaveCount(0);
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/open=/);

  // Two others, approved together after one confirmation.
  const [first, second] = keys.filter((key) => key !== returned);
  await row(page, first!).getByRole("checkbox").check();
  await row(page, second!).getByRole("checkbox").check();
  await page.getByRole("button", { name: "批量通过（2）" }).click();
  const dialog = page.getByRole("dialog", { name: "确认批量审核通过" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "确认通过" }).click();
  await expect(page.getByTestId("review-toast")).toContainText("已审核通过 2 份报告。");
  await expect(row(page, first!)).toHaveCount(0);
  await expect(row(page, second!)).toHaveCount(0);

});

test("[REVIEWS]: in English, filters live in the URL, and a stale panel is refused rather than overwriting", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newPage(browser);
  await logIn(page, "inspector", undefined, "/reviews");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reports to review");

  // Filters and sort go into the URL and survive a reload.
  await page.getByLabel("Kind").selectOption("report");
  await expect(page).toHaveURL(/kind=report/);
  await page.getByRole("button", { name: "Light", exact: true }).click();
  await expect(page).toHaveURL(/sort=light/);
  await page.reload();
  await expect(page.getByLabel("Kind")).toHaveValue("report");
  await expect(page.locator("th[aria-sort=ascending]")).toContainText("Light");
  const keys = await ourReportRows(page);
  const key = keys[0]!;

  // Two tabs of the same inspector open the same report; the second decides first.
  await row(page, key).getByRole("button").first().click();
  const panel = page.getByTestId("review-panel");
  await expect(panel.getByTestId("report-comparison")).toBeVisible();
  const other = await page.context().newPage();
  await other.goto(`/reviews?open=${encodeURIComponent(key)}`);
  await other.getByTestId("review-panel").getByRole("button", { name: "Approve", exact: true }).click();
  await expect(other.getByTestId("review-toast")).toContainText("Approved:");

  // The stale panel's return is refused with a message; the report stays approved.
  await panel.getByLabel("Review comment (required to return)").fill("stale panel");
  await panel.getByRole("button", { name: "Return", exact: true }).click();
  await expect(panel.getByRole("alert")).toContainText("Reload the page");
  await page.reload();
  await expect(page.getByTestId("review-panel")).toContainText("decided already");
  await expect(row(page, key)).toHaveCount(0);
});

test("[REVIEWS]: on a phone the report opens as a full-screen sheet with the decision at the thumb", async ({ browser }) => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await logIn(page, "inspector", undefined, "/reviews?kind=report");
  // Opening decides nothing, so any report will do.
  const first = page.locator("tr[data-kind=report]").first();
  await first.getByRole("button").click();
  const panel = page.getByTestId("review-panel");
  await expect(panel.getByTestId("report-comparison")).toBeVisible();
  const sheet = (await panel.boundingBox())!;
  expect([sheet.x, sheet.y, sheet.width, sheet.height]).toEqual([0, 0, 390, 844]);
  const approve = (await panel.getByRole("button", { name: "审核通过", exact: true }).boundingBox())!;
  expect(approve.height).toBeGreaterThanOrEqual(44);
  expect(approve.y + approve.height).toBeGreaterThan(844 - 120);
  await page.screenshot({ path: "test-results/screens/reviews-phone.png" });
  await page.getByRole("button", { name: "关闭" }).click();
  await expect(panel).toHaveCount(0);
});
