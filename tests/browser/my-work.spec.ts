import { expect, test, type Page } from "@playwright/test";
import { logIn, openHeaderMenu } from "./helpers";

// jinan.official's unit (jinan-drc) leads measures without a report for the current month in the
// demo seed (e.g. 1.1, 1.2, 2.5.1), so their first page lists reports to submit.

/** Checks My work's list and badge, opens the first report to submit, and lands on its report form. */
async function openFirstReportToSubmit(page: Page, texts: { title: string; kind: string; link: string }) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts.title);
  const list = page.getByTestId("my-work-list");
  await expect(list).toBeVisible();
  const items = list.locator("li[data-kind]");
  // The header's badge counts what the list shows.
  await expect(page.getByTestId("my-work-link")).toContainText(texts.link);
  await expect(page.getByTestId("my-work-badge")).toContainText(String(await items.count()));
  const item = list.locator('li[data-kind="reportMissing"]').first();
  await expect(item).toContainText(texts.kind);
  const link = item.getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/measures\/[^?]+\?period=\d{4}-\d{2}$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replaceAll(".", "\\.").replace("?", "\\?")}$`));
  await expect(page.getByTestId("report-form")).toBeVisible();
}

test("[MY-WORK]: an official lands on My work and goes from an item to the report form (zh)", async ({ page }) => {
  await logIn(page, "jinan.official");
  await expect(page).toHaveURL(/\/$/);
  await openFirstReportToSubmit(page, { title: "我的待办", kind: "待报送", link: "我的待办" });
  // The catalogue moved to /catalogue, linked from the header's "more" menu.
  await openHeaderMenu(page, "more-menu");
  await page.getByRole("link", { name: "任务目录" }).first().click();
  await expect(page).toHaveURL(/\/catalogue$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("任务目录");
});

test("[MY-WORK]: the same in English", async ({ page }) => {
  await logIn(page, "jinan.official");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My work");
  await openFirstReportToSubmit(page, { title: "My work", kind: "Report to submit", link: "My work" });
  await page.goto("/");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的待办");
});

test("[MY-WORK]: a viewer has nothing to do and is pointed to the catalogue", async ({ page }) => {
  await logIn(page, "viewer");
  await expect(page.getByTestId("my-work-empty")).toContainText("目前没有需要您处理的事项。");
  await expect(page.getByTestId("my-work-badge")).toHaveCount(0);
  await page.getByTestId("my-work-empty").getByRole("link", { name: "浏览任务目录" }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
});

test("[MY-WORK]: an inspector opens a waiting report from My work straight in the review queue's panel", async ({ page }) => {
  await logIn(page, "inspector");
  const item = page.getByTestId("my-work-list").locator('li[data-kind="reviewWaiting"]').first();
  const link = item.getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/reviews\?open=report:[\w-]+$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace("?", "\\?")}$`));
  const panel = page.getByTestId("review-panel");
  await expect(panel.getByTestId("report-comparison")).toBeVisible();
  // The panel's heading has the focus: a keyboard user starts in the panel.
  await expect(panel.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(panel.getByRole("heading", { level: 2 })).toContainText(/\d/);

  // An item no longer waiting, or a malformed link, gives a clear note rather than an error.
  for (const open of ["report:no-such-report", "extension:no-such-request", "<script>"]) {
    await page.goto(`/reviews?open=${encodeURIComponent(open)}`);
    await expect(page.getByTestId("review-panel").getByRole("note")).toHaveText("该事项已处理，或不再等待您的决定。");
  }
  await page.getByTestId("review-panel").getByRole("button", { name: "关闭" }).click();
  await expect(page.getByTestId("review-panel")).toHaveCount(0);
  await expect(page).toHaveURL(/\/reviews$/);
});
