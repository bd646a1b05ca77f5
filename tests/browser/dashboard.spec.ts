import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, logIn } from "./helpers";

const ledgerTotal = async (page: Page) => Number((await page.getByTestId("ledger-total").innerText()).match(/\d+/)?.[0]);

test("[DASHBOARD]: a leader sees the overview, and every number drills down to matching ledger rows", async ({ page }, testInfo) => {
  await logIn(page, "leader", undefined, "/dashboard");
  await expectSignedIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("落实情况总览");
  for (const chart of ["chart-lights", "chart-areas", "chart-cities", "chart-units"]) {
    await expect(page.getByTestId(chart).getByRole("link").first()).toBeVisible();
  }
  await expect(page.getByTestId("circle-map").locator("[data-city]")).toHaveCount(7);
  await page.screenshot({ path: testInfo.outputPath("dashboard-zh.png"), fullPage: true });

  // A card: the overdue count equals the ledger it opens.
  const overdue = Number(await page.getByTestId("card-overdue").locator("span").nth(1).innerText());
  await page.getByTestId("card-overdue").click();
  await expect(page).toHaveURL(/\/ledger\?light=RED$/);
  expect(await ledgerTotal(page)).toBe(overdue);

  // A bar: the light chart's biggest bar opens exactly those measures (the count on its card).
  await page.goBack();
  const lightCards = { RED: "card-overdue", YELLOW: "card-behind", BLUE: "card-due-soon", GREEN: "card-on-track", COMPLETED: "card-completed" };
  const counts = await Promise.all(
    Object.values(lightCards).map(async (card) => Number(await page.getByTestId(card).locator("span").nth(1).innerText())),
  );
  const biggest = counts.indexOf(Math.max(...counts));
  // Each segment is a link: a click opens its ledger ...
  const light = Object.keys(lightCards)[biggest]!;
  await page.getByTestId("chart-lights").locator(`a[href$="light=${light}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/ledger\\?light=${light}$`));
  expect(await ledgerTotal(page)).toBe(counts[biggest]);

  // ... and so does Enter on it, for keyboard users; its name says what it holds.
  await page.goBack();
  const area = page.getByTestId("chart-areas").getByRole("link").first();
  await expect(area).toHaveAccessibleName(/项，在台账中查看$/);
  const areaHref = (await area.getAttribute("href"))!;
  await area.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(areaHref);

  // A city on the map opens that city's ledger with as many measures as the map says.
  await page.goBack();
  const zibo = page.getByTestId("circle-map").locator('[data-city="zibo"]');
  const mapCount = Number((await zibo.getAttribute("aria-label"))?.match(/(\d+) 项措施/)?.[1]);
  await zibo.click();
  await expect(page).toHaveURL(/\/ledger\?city=zibo$/);
  expect(await ledgerTotal(page)).toBe(mapCount);
});

test("[DASHBOARD]: the overview reads in English", async ({ page }, testInfo) => {
  await logIn(page, "leader", undefined, "/dashboard");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delivery overview");
  await expect(page.getByText("Behind pace", { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("dashboard-en.png"), fullPage: true });
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("落实情况总览");
});

test("[DASHBOARD]: last month's picture, from the report history, drills down to the same ledger", async ({ page }) => {
  const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" })
    .format(new Date(Date.now() - 31 * 86_400_000))
    .slice(0, 7);
  await logIn(page, "leader", undefined, `/dashboard?asOf=${month}`);
  await expect(page.getByTestId("as-of-note")).toBeVisible();
  await expect(page.getByTestId("chart-trend-lights").getByRole("link").first()).toBeVisible();
  await expect(page.getByTestId("chart-trend-completion").locator(".recharts-line")).toBeVisible();

  const onTrack = Number(await page.getByTestId("card-on-track").locator("span").nth(1).innerText());
  await page.getByTestId("card-on-track").click();
  await expect(page).toHaveURL(new RegExp(`/ledger\\?asOf=${month}&light=GREEN$`));
  await expect(page.getByTestId("as-of-note")).toBeVisible();
  expect(await ledgerTotal(page)).toBe(onTrack);
});

test("[TIMELINE]: a leader zooms the timeline and narrows it to one area, keeping the zoom", async ({ page }, testInfo) => {
  await logIn(page, "leader", undefined, "/timeline");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("进度时间轴");
  const gantt = page.getByTestId("gantt");
  await expect(gantt.locator("section").first()).toBeVisible();
  expect(await gantt.locator("section").count()).toBeGreaterThan(1);
  await expect(gantt.getByText("今天", { exact: true })).toBeVisible();
  // Bars and milestones are named for screen readers (their title), not by colour alone.
  await expect(gantt.locator("[data-light]").first()).toHaveAccessibleName(/完成 \d+%，/);
  await expect(gantt.locator(".gantt-milestone").first()).toHaveAccessibleName(/^节点（/);

  await page.getByRole("navigation", { name: "缩放" }).getByRole("link", { name: "年", exact: true }).click();
  await expect(page).toHaveURL(/zoom=year/);
  const form = page.getByRole("form", { name: "范围" });
  const area = await form.getByLabel("领域").locator("option").nth(2).getAttribute("value");
  await form.getByLabel("领域").selectOption(area!);
  await form.getByRole("button", { name: "应用" }).click();
  await expect(page).toHaveURL(new RegExp(`zoom=year.*area=${area!.replace(".", "\\.")}|area=${area!.replace(".", "\\.")}.*zoom=year`));
  await expect(gantt.locator("section")).toHaveCount(1);
  await expect(gantt.locator("section h2")).toContainText(area!);
  await expect(gantt.locator("[data-light]").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("timeline-zh.png") });
});
