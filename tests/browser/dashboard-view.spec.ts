import { expect, test, type Page } from "@playwright/test";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { logIn } from "./helpers";

const cards = [
  "card-total",
  "card-completed",
  "card-on-track",
  "card-behind",
  "card-overdue",
  "card-due-soon",
  "card-reports-due",
  "card-reports-submitted",
  "card-reports-approved",
  "card-reports-missing",
  "card-suspended",
];
const lists = ["list-overdue", "list-due-soon", "list-returned", "list-missing"];

const firstNumber = (text: string) => Number(text.replace(/,/g, "").match(/\d+/)?.[0] ?? Number.NaN);

/** The count of the list the page shows: the ledger's total, or the notices' (none = 0). */
async function listCount(page: Page): Promise<number> {
  if (new URL(page.url()).pathname === "/ledger") return firstNumber(await page.getByTestId("ledger-total").innerText());
  const list = page.getByTestId("notice-list");
  if (!(await list.isVisible())) return 0;
  // The list's total line ("共 n 件" / "n in all"), just above the table.
  return firstNumber(await page.locator("main p", { hasText: /^(共 [\d,]+ 件|[\d,]+ in all)/ }).first().innerText());
}

async function useLocale(page: Page, locale: "zh-CN" | "en") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
}

/** Clicks every card and every list's "see all", and compares the number with the list it opens. */
async function clickEveryNumber(page: Page) {
  for (const card of cards) {
    const link = page.getByTestId(card);
    const value = Number(await link.locator("span").nth(1).innerText());
    const href = (await link.getAttribute("href"))!;
    await link.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    expect(await listCount(page), `${card} → ${href}`).toBe(value);
    await page.goBack();
  }
  for (const list of lists) {
    const section = page.getByTestId(list);
    const value = firstNumber(await section.getByTestId("list-count").innerText());
    const link = section.getByTestId("list-link");
    const href = (await link.getAttribute("href"))!;
    await link.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    expect(await listCount(page), `${list} → ${href}`).toBe(value);
    await page.goBack();
  }
  // The notices: open and overdue, each opening /notices with exactly as many.
  for (const testId of ["notices-open", "notices-overdue"]) {
    const number = page.getByTestId(testId);
    const value = Number(await number.innerText());
    await number.click();
    await page.waitForURL(/\/notices\?/);
    expect(await listCount(page), testId).toBe(value);
    await page.goBack();
  }
}

for (const { role, locale, messages } of [
  { role: "viewer", locale: "zh-CN", messages: zh },
  { role: "jinan.official", locale: "zh-CN", messages: zh },
  { role: "inspector", locale: "en", messages: en },
] as const) {
  test(`[DASHBOARD]: ${role} clicks every card and list; each opens a list of exactly that many (${locale})`, async ({ page }) => {
    // About 30 page loads; a shared, loaded machine needs minutes.
    test.setTimeout(420_000);
    await logIn(page, role, undefined, "/dashboard");
    await useLocale(page, locale);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.dashboard.title);
    // The trend says from when it is drawn (no months of invented 0 %).
    await expect(page.getByTestId("trend-start")).not.toBeEmpty();
    // Each card shows its change since last month.
    await expect(page.getByTestId("card-overdue").getByTestId("card-change")).toHaveAttribute("data-change", /^-?\d+$/);
    await clickEveryNumber(page);
  });
}

test("[DASHBOARD]: on a phone the cards sit in two columns, the charts fit and nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "leader", undefined, "/dashboard");
  await expect(page.getByTestId("chart-units").locator("svg").first()).toBeVisible();
  const [first, second, third] = await Promise.all(["card-total", "card-completed", "card-on-track"].map((id) => page.getByTestId(id).boundingBox()));
  expect(first!.y).toBe(second!.y);
  expect(third!.y).toBeGreaterThan(first!.y);
  for (const chart of ["chart-lights", "chart-trend-lights", "chart-areas", "chart-units"]) {
    const box = (await page.getByTestId(chart).boundingBox())!;
    expect(box.x + box.width, chart).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/dashboard-phone.png", fullPage: true });
  // Unit names are cut to fit the axis, each with the whole name in its title.
  await expect(page.getByTestId("chart-units").locator("text > title").first()).toBeAttached({ timeout: 20_000 });
});
