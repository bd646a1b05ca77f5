import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { logIn } from "./helpers";

// The delivery forecast (docs/forecast.md) as a leader uses it: the measure page's card, the
// ledger's column and filter, the dashboard's "forecast to miss" card and its drill-down.
// 2.2.6 (prov-commerce, due 2027-12-31) is used by no other spec and, in the demo seed, has
// an approved report of the latest closed month and none this month: its latest approved
// percent is the ledger's, and the months left run from the latest closed month. Older
// months' figures may change in the seed, so the pace is read, not assumed.
const CODE = "2.2.6";
const DUE = { period: "2027-12", zh: "2027年12月", en: "December 2027" };
// A measure made by the admin in this spec, with dates and no report: too little history.
const NEW_CODE = `9.8.${Date.now() % 100_000}`;
const NEW_TITLE = "浏览器预测测试措施";

const classNames = {
  zh: { ON_COURSE: "按期可完成", AT_RISK: "有延期风险", WILL_MISS: "预计逾期", INSUFFICIENT_HISTORY: "历史数据不足" },
  en: { ON_COURSE: "On course", AT_RISK: "At risk", WILL_MISS: "Will miss the due date", INSUFFICIENT_HISTORY: "Too little history" },
} as const;
type Projected = "ON_COURSE" | "AT_RISK" | "WILL_MISS";

/** The latest closed month as the app counts it (China time), "YYYY-MM". */
function latestClosedPeriod(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).split("-").map(Number);
  const index = year! * 12 + (month! - 1) - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const ledgerTotal = async (page: Page) => Number((await page.getByTestId("ledger-total").innerText()).replace(/,/g, "").match(/\d+/)![0]);
/** Data rows of the ledger table (group rows carry no code). */
const ledgerRows = (page: Page) => page.locator("tbody tr[data-measure-code]");

/** Serious and critical axe violations inside `scope`. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
}

/** The measure page's forecast section. */
const forecastCard = (page: Page, title: string): Locator => page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });

function collectMissing(page: Page, missing: string[]) {
  page.on("console", (message) => {
    if (/MISSING_MESSAGE|FORMATTING_ERROR|INVALID_MESSAGE/.test(message.text())) missing.push(message.text());
  });
}

test.describe.configure({ mode: "serial" });

// Read by the first test, compared by the second.
let cardClass: Projected | null = null;

test("[FORECAST]: the measure page's card gives the class and what the measure needs and has averaged; a new measure has too little history", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const missing: string[] = [];
  collectMissing(page, missing);

  // The admin adds a measure with dates and no report yet.
  const admin = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await logIn(admin, "admin", undefined, "/catalogue/new");
  const form = admin.getByTestId("measure-form");
  await form.getByLabel("编号").fill(NEW_CODE);
  await form.getByLabel("中文标题").fill(NEW_TITLE);
  const picker = form.getByRole("combobox", { name: "牵头单位" });
  await picker.fill("商务厅");
  await expect(admin.getByRole("listbox", { name: "牵头单位" }).getByRole("option").first()).toBeVisible();
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await form.getByLabel("开始日期").fill("2026-06-01");
  await form.getByLabel("完成时限", { exact: true }).fill("2028-06-30");
  await form.getByRole("button", { name: "新建" }).click();
  await expect(form.getByRole("status").filter({ hasText: /\S/ })).toHaveText(`已新建措施 ${NEW_CODE}。`);
  await admin.context().close();

  // The leader reads 2.2.6's latest approved percent in the ledger.
  await logIn(page, "leader", undefined, `/ledger?q=${CODE}`);
  const row = page.locator(`tr[data-measure-code="${CODE}"]`);
  await expect(row).toHaveCount(1);
  const percent = Number((await row.innerText()).match(/(\d+)%/)![1]);
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);
  const required = (100 - percent) / (monthIndex(DUE.period) - monthIndex(latestClosedPeriod()));

  // The card: a projected class and "needs N a month, has averaged M", N from the percent and the months left.
  await page.goto(`/measures/${CODE}`);
  const card = forecastCard(page, "完成预测");
  await expect(card).toHaveCount(1);
  const classText = (await card.getByTestId("forecast-class").innerText()).trim();
  const found = (Object.entries(classNames.zh) as [string, string][]).find(([, name]) => name === classText);
  expect(found?.[0], `class shown: ${classText}`).toMatch(/^(ON_COURSE|AT_RISK|WILL_MISS)$/);
  cardClass = found![0] as Projected;
  const sentence = (await card.getByTestId("forecast-sentence").innerText()).trim();
  const zhPace = /^按期完成每月需推进 ([\d.]+) 个百分点（截止 (\S+)）；最近 (\d) 期审核通过的报告平均每月推进 ([\d.]+) 个百分点。$/;
  expect(sentence).toMatch(zhPace);
  const [, needs, due, reports, averaged] = sentence.match(zhPace)!;
  expect(needs).toBe(new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 }).format(required));
  expect(due).toBe(DUE.zh);
  expect(Number(reports)).toBeGreaterThanOrEqual(3);
  expect(Number(reports)).toBeLessThanOrEqual(6);
  // The chart: reported, projected and required pace, each line named in the legend.
  const chart = card.getByTestId("forecast-chart");
  await expect(chart.locator(".recharts-line")).toHaveCount(3);
  for (const name of ["填报进度 %", "按近期进度推算", "按期所需进度"]) await expect(chart.locator(".recharts-legend-item", { hasText: name })).toBeVisible();
  expect(await seriousViolations(page, "main section:has([data-testid=forecast-class])")).toEqual([]);

  // The new measure says why there is no forecast, with no chart and no guess.
  await page.goto(`/measures/${NEW_CODE}`);
  const empty = forecastCard(page, "完成预测");
  await expect(empty.getByTestId("forecast-class")).toHaveText("历史数据不足");
  await expect(empty.getByTestId("forecast-sentence")).toHaveText("历史数据不足，无法预测：已审核通过报告 0 期，至少需要 3 期。");
  await expect(empty.getByTestId("forecast-chart")).toHaveCount(0);

  // In English: the same figures in the same card.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto(`/measures/${CODE}`);
  const enCard = forecastCard(page, "Delivery forecast");
  await expect(enCard.getByTestId("forecast-class")).toHaveText(classNames.en[cardClass]);
  await expect(enCard.getByTestId("forecast-sentence")).toHaveText(
    `Needs ${needs} points a month to finish by ${DUE.en}; has averaged ${averaged} a month over the last ${reports} approved reports.`,
  );
  expect(await seriousViolations(page, "main section:has([data-testid=forecast-class])")).toEqual([]);
  await page.goto(`/measures/${NEW_CODE}`);
  await expect(forecastCard(page, "Delivery forecast").getByTestId("forecast-sentence")).toHaveText("Too little history to forecast: 0 approved reports, at least 3 needed.");

  expect(missing, "messages missing or failing to format").toEqual([]);
});

test("[FORECAST]: the ledger's column chooser shows the forecast, and the forecast filter keeps exactly those rows", async ({ page }) => {
  test.setTimeout(240_000);
  expect(cardClass, "the first test read the card").not.toBeNull();
  const missing: string[] = [];
  collectMissing(page, missing);
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, "leader", undefined, "/ledger?perPage=200");

  // Off by default; the chooser turns it on and the URL keeps it.
  await expect(page.getByRole("columnheader", { name: "交付预测" })).toHaveCount(0);
  const chooser = page.getByTestId("column-chooser");
  await chooser.locator("summary").click();
  // A controlled box: the click rewrites the URL, the new page checks it.
  await chooser.getByRole("checkbox", { name: "交付预测" }).click();
  await expect(page).toHaveURL(/[?&]cols=[^&]*forecast/);
  await expect(chooser.getByRole("checkbox", { name: "交付预测" })).toBeChecked();
  await expect(page.getByRole("columnheader", { name: "交付预测" })).toBeVisible();
  const total = await ledgerTotal(page);
  await expect(ledgerRows(page)).toHaveCount(total);
  await expect(ledgerRows(page).locator("[data-forecast]")).toHaveCount(total);
  // The ledger and the measure page agree on 2.2.6, and the new measure has too little history.
  await expect(page.locator(`tr[data-measure-code="${CODE}"] [data-forecast]`)).toHaveAttribute("data-forecast", cardClass!);
  await expect(page.locator(`tr[data-measure-code="${NEW_CODE}"] [data-forecast]`)).toHaveAttribute("data-forecast", "INSUFFICIENT_HISTORY");
  await expect(page.locator(`tr[data-measure-code="${NEW_CODE}"] [data-forecast]`)).toHaveText("历史数据不足");
  const counts: Record<string, number> = {};
  for (const filter of ["WILL_MISS", "AT_RISK", "ON_COURSE", "INSUFFICIENT_HISTORY"]) {
    counts[filter] = await ledgerRows(page).locator(`[data-forecast=${filter}]`).count();
  }
  expect(counts.INSUFFICIENT_HISTORY).toBeGreaterThanOrEqual(1);
  expect(counts[cardClass!]).toBeGreaterThanOrEqual(1);
  expect(await seriousViolations(page, "main table")).toEqual([]);

  // The filter: each class keeps as many rows as the column shows with that class, and only those.
  const filter = page.getByRole("combobox", { name: "交付预测" });
  for (const [value, label] of [["WILL_MISS", "预计逾期"], ["INSUFFICIENT_HISTORY", "历史数据不足"], [cardClass!, classNames.zh[cardClass!]]] as const) {
    await filter.selectOption({ label });
    await expect(page).toHaveURL(new RegExp(`[?&]forecast=${value}(&|$)`));
    await expect(page.getByTestId("ledger-total")).toHaveText(`共 ${counts[value]} 项措施`);
    await expect(ledgerRows(page)).toHaveCount(counts[value]!);
    await expect(ledgerRows(page).locator(`[data-forecast=${value}]`)).toHaveCount(counts[value]!);
  }
  await expect(page.locator(`tr[data-measure-code="${CODE}"]`)).toHaveCount(1);

  // On a phone the cards always carry the forecast, whatever the columns.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/ledger?q=${NEW_CODE}`);
  const phoneCard = page.getByTestId("ledger-cards").locator(`li[data-card-code="${NEW_CODE}"]`);
  await expect(phoneCard).toContainText(NEW_TITLE);
  await expect(phoneCard.getByTestId("card-forecast").locator("[data-forecast]")).toHaveAttribute("data-forecast", "INSUFFICIENT_HISTORY");

  expect(missing, "messages missing or failing to format").toEqual([]);
});

test("[FORECAST]: the dashboard's forecast-to-miss card: every number opens exactly that many ledger rows", async ({ page, baseURL }) => {
  test.setTimeout(480_000);
  const missing: string[] = [];
  collectMissing(page, missing);
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, "leader", undefined, "/dashboard");

  for (const locale of ["zh-CN", "en"] as const) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    await page.goto("/dashboard");
    const card = page.getByTestId("card-forecast-miss");
    await expect(card.getByRole("heading", { level: 2 })).toHaveText(locale === "en" ? "Forecast to miss in the next 90 days" : "预计未来90天内逾期");
    const value = Number(await card.getByTestId("card-forecast-miss-link").innerText());
    // The demo seed has measures due within 90 days that their recent pace does not finish.
    expect(value, "measures forecast to miss in the demo").toBeGreaterThan(0);
    expect(await seriousViolations(page, "[data-testid=card-forecast-miss]")).toEqual([]);

    // The card's own number, then (in Chinese; English repeats the same links) each area's, city's and lead unit's.
    const linkCount = locale === "en" ? 1 : 1 + (await card.locator("ul a").count());
    let groups = 0;
    for (let i = 0; i < linkCount; i++) {
      const link = i === 0 ? card.getByTestId("card-forecast-miss-link") : card.locator("ul a").nth(i - 1);
      const number = Number(await link.innerText());
      const href = (await link.getAttribute("href"))!;
      expect(href).toMatch(/^\/ledger\?.*forecast=WILL_MISS/);
      await link.click();
      await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
      await expect.poll(() => ledgerTotal(page), { message: href }).toBe(number);
      await expect(ledgerRows(page)).toHaveCount(number);
      // Only forecast-to-miss measures, when the column is on.
      if (i === 0) {
        await page.goto(`${href}&cols=code,title,dueDate,forecast`);
        await expect(ledgerRows(page).locator("[data-forecast=WILL_MISS]")).toHaveCount(number);
      } else {
        groups += number;
      }
      await page.goto("/dashboard");
    }
    // A card above zero shows its breakdown (area, city, lead unit), each group with at least one measure.
    await expect(card.locator("ul")).toHaveCount(3);
    expect(groups).toBeGreaterThanOrEqual(linkCount - 1);
  }

  expect(missing, "messages missing or failing to format").toEqual([]);
});
