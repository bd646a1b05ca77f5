import { expect, test } from "@playwright/test";
import { expectSignedIn, logIn, openHeaderMenu } from "./helpers";

test("[SCORES]: a leader sees the ranking of a month and opens a unit's breakdown; an official has no ranking", async ({ page, browser }, testInfo) => {
  await logIn(page, "leader", undefined, "/scores");
  await expectSignedIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("单位考评红黑榜");
  await openHeaderMenu(page, "more-menu");
  await expect(page.getByRole("navigation").getByRole("link", { name: "红黑榜" })).toHaveAttribute("aria-current", "page");

  // The demo's sample reports of a past month give a ranking, best first, with the red and black lists named in words.
  await page.getByTestId("scores-month").fill("2026-10");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/month=2026-10/);
  const rows = page.getByTestId("scores-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(1);
  const totals = (await page.getByTestId("score-total").allInnerTexts()).map(Number);
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
  await expect(page.getByTestId("scores-table").locator('tr[data-list="red"]').first()).toContainText("红榜");
  await expect(page.getByTestId("sample-data-banner")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("scores-zh.png"), fullPage: true });

  // The last unit's breakdown lists the measures that cost it points, each a link to the measure.
  const last = rows.last();
  const unitName = await last.locator("th").innerText();
  const lastTotal = await last.getByTestId("score-total").innerText();
  await last.getByTestId("score-breakdown-link").click();
  await expect(page).toHaveURL(/\/scores\/[^?]+\?month=2026-10/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(unitName);
  await expect(page.getByTestId("unit-score-total")).toContainText(`得分 ${lastTotal}`);
  if (Number(lastTotal) < 100) {
    const measureLink = page.getByTestId("score-costs").getByRole("link").first();
    await expect(measureLink).toHaveAttribute("href", /^\/measures\/.+\?period=2026-10$/);
    await measureLink.click();
    await expect(page).toHaveURL(/\/measures\//);
  }

  // An official sees neither the link nor the page.
  const context = await browser.newContext();
  const official = await context.newPage();
  await logIn(official, "jinan.official");
  await openHeaderMenu(official, "more-menu");
  await expect(official.getByRole("navigation").getByRole("link", { name: "督办单" })).toBeVisible();
  await expect(official.getByRole("navigation").getByRole("link", { name: "红黑榜" })).toHaveCount(0);
  const response = await official.goto("/scores");
  expect(response?.status()).toBe(403);
  await context.close();
});

test("[SCORES]: an admin edits the scoring rules; a wrong value is refused at its field and what was typed stays", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/settings");
  const form = page.getByTestId("scoring-rules-form");
  await expect(page.getByRole("heading", { name: "考评规则" })).toBeVisible();
  await form.getByLabel("按时报送率权重（分）").fill("150");
  await form.getByLabel("每次报告退回扣分").fill("3");
  await form.getByRole("button", { name: "保存考评规则" }).click();
  await expect(form.getByText("请输入 0–100 之间的整数。")).toBeVisible();
  await expect(form.getByLabel("按时报送率权重（分）")).toHaveValue("150");
  await expect(form.getByLabel("每次报告退回扣分")).toHaveValue("3");

  await form.getByLabel("按时报送率权重（分）").fill("30");
  await form.getByRole("button", { name: "保存考评规则" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  await page.reload();
  await expect(page.getByTestId("scoring-rules-form").getByLabel("每次报告退回扣分")).toHaveValue("3");
});
