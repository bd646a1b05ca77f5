import { expect, test, type Page } from "@playwright/test";
import { measures } from "../../prisma/seed/data/measures";
import { logIn } from "./helpers";

// Measures used below are led by jinan.official's unit (jinan-drc). 2.2.4 has KPI and investment
// fields (its current month holds a sample draft); 1.1 and 2.5.1 have a KPI only, 1.2 neither, and
// none of those three has a current-month sample report.
const DAY_MS = 86_400_000;

/** The "本单位填报" section of a measure page; its note says why there is no form. */
const slotNote = (page: Page) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: "本单位填报", exact: true }) }).getByRole("note");

/** Opens the first of `codes` whose report form for the current month is open, and returns its code. */
async function openReportSlot(page: Page, codes: string[]): Promise<string> {
  for (const code of codes) {
    await page.goto(`/measures/${code}?tab=reports`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
    const form = page.getByTestId("report-form");
    if ((await form.isVisible()) && (await slotNote(page).count()) === 0) return code;
  }
  throw new Error(`No open report slot among ${codes.join(", ")}`);
}

/** This month as the review queue shows it, e.g. "2026年12月". */
function thisMonthLabel(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).split("-");
  return `${year}年${Number(month)}月`;
}

/** The light rule with the default settings (10-point pace margin, blue within 30 days), from the seed dates. */
function expectedLight(code: string, percent: number): string {
  const seed = measures.find((measure) => measure.code === code)!.sample;
  const today = Date.parse(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date())}T00:00:00Z`);
  const start = Date.parse(`${seed.startDate}T00:00:00Z`);
  const due = Date.parse(`${seed.dueDate}T00:00:00Z`);
  if (due < today) return "RED";
  const pace = Math.min(100, Math.max(0, ((today - start) / (due - start)) * 100));
  if (percent < pace - 10) return "YELLOW";
  return Math.round((due - today) / DAY_MS) <= 30 ? "BLUE" : "GREEN";
}

test("[WORKFLOW]: report → return → resubmit → approve updates the ledger", async ({ browser }) => {
  // Three people sign in and act in turn: slow on a loaded machine.
  test.setTimeout(180_000);
  const official = await browser.newPage();
  await logIn(official, "jinan.official");
  const code = await openReportSlot(official, ["2.2.4"]);
  const form = official.getByTestId("report-form");
  await form.getByLabel("完成比例（%）").fill("97");
  await form.getByLabel("进展情况").fill("【浏览器测试】方案已印发。");
  await form.getByLabel("存在问题").fill("跨市协调仍需加强。");
  await form.getByLabel("下步打算").fill("浏览器测试：下月召开调度会。");
  await form.getByRole("button", { name: "报送" }).click();
  // The form gives way to a note (its own "报告已报送。" status goes with it).
  await expect(slotNote(official)).toHaveText("本期报告已报送，等待审核。");

  // The inspector finds it in the review queue and returns it with a comment.
  const inspector = await browser.newPage();
  await logIn(inspector, "inspector", undefined, `/reviews?q=${code}`);
  // This month's row opens the report in the queue's panel; from there, the measure page.
  const queued = inspector.locator("tr[data-kind=report]", { hasText: code }).filter({ hasText: thisMonthLabel() });
  await queued.getByRole("button", { name: new RegExp(`^${code.replaceAll(".", "\\.")} `) }).click();
  const panel = inspector.getByTestId("review-panel");
  await expect(panel.locator('[data-field=percentComplete] [data-side=current]')).toHaveText("97%");
  await panel.getByRole("link", { name: "打开措施页" }).click();
  await expect(inspector).toHaveURL(new RegExp(`/measures/${code}\\?period=`));
  const ours = (page: Page) => page.locator("li[data-report-state]", { hasText: "浏览器测试：下月召开调度会。" });
  await expect(ours(inspector)).toHaveAttribute("data-report-state", "SUBMITTED");
  const review = ours(inspector).getByTestId("review-form");
  await review.getByLabel("审核意见（退回时必填）").fill("请补充量化数据");
  await review.getByRole("button", { name: "退回" }).click();
  await expect(ours(inspector)).toHaveAttribute("data-report-state", "RETURNED");
  await expect(ours(inspector)).toContainText("意见：请补充量化数据");

  // The official sees why, corrects the text and submits again.
  await official.reload();
  await expect(slotNote(official)).toHaveText("本期报告被退回，请修改后重新报送。退回理由：请补充量化数据");
  await expect(form.getByLabel("完成比例（%）")).toHaveValue("97");
  await form.getByLabel("进展情况").fill("【浏览器测试】方案已印发，完成投资 12 亿元。");
  await form.getByRole("button", { name: "报送" }).click();
  await expect(slotNote(official)).toHaveText("本期报告已报送，等待审核。");

  // The leader approves; the measure takes the report's figures.
  const leader = await browser.newPage();
  await logIn(leader, "leader", undefined, `/measures/${code}?tab=reports`);
  await expect(ours(leader)).toContainText("完成投资 12 亿元");
  await ours(leader).getByRole("button", { name: "审核通过" }).click();
  await expect(ours(leader)).toHaveAttribute("data-report-state", "APPROVED");
  await expect(ours(leader).getByTestId("review-form")).toHaveCount(0);

  const light = expectedLight(code, 97);
  await leader.reload();
  await expect(leader.getByTestId("measure-light").locator("[data-light]")).toHaveAttribute("data-light", light);
  // Who did what is recorded, in sentences.
  await leader.getByRole("tab", { name: "历史" }).click();
  const history = leader.getByTestId("measure-history").getByRole("listitem");
  await expect(history.filter({ hasText: "济南市发展改革委联络员 报送了" })).toHaveCount(2);
  await expect(history.filter({ hasText: /督查 督查专员 退回了.+报告，理由：请补充量化数据$/ })).toHaveCount(1);
  await expect(history.filter({ hasText: /联席会议办公室负责同志 审核通过了.+报告$/ })).toHaveCount(1);
  await expect(history.filter({ hasText: "{" })).toHaveCount(0);

  await leader.goto(`/ledger?q=${code}`);
  const row = leader.locator(`tr[data-measure-code="${code}"]`);
  await expect(row.getByRole("cell", { name: "97%", exact: true })).toBeVisible();
  await expect(row.locator("[data-light]")).toHaveAttribute("data-light", light);
});

test("[WORKFLOW]: bad report input keeps what was typed", async ({ page }) => {
  await logIn(page, "jinan.official");
  await openReportSlot(page, ["1.2", "1.1"]);
  const form = page.getByTestId("report-form");
  await form.getByLabel("完成比例（%）").fill("150");
  await form.getByLabel("进展情况").fill("   ");
  await form.getByLabel("存在问题").fill("这段文字不能丢");
  await form.getByRole("button", { name: "报送" }).click();

  await expect(form.getByRole("alert")).toHaveText("请修改标出的字段后重试。");
  await expect(form.getByLabel("完成比例（%）")).toHaveAccessibleDescription("请输入 0–100 之间的整数。");
  await expect(form.getByLabel("完成比例（%）")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("进展情况")).toHaveAccessibleDescription("必填。");
  await expect(form.getByLabel("存在问题")).not.toHaveAttribute("aria-invalid");
  await expect(form.getByLabel("完成比例（%）")).toHaveValue("150");
  await expect(form.getByLabel("存在问题")).toHaveValue("这段文字不能丢");
  await expect(page.getByText("报告已报送。")).toHaveCount(0);

  // Nothing was stored: after a reload the slot is still open and empty.
  await page.reload();
  await expect(slotNote(page)).toHaveCount(0);
  await expect(form.getByLabel("存在问题")).toHaveValue("");
});

test("[WORKFLOW]: a measure without planned investment can be reported", async ({ page }) => {
  await logIn(page, "jinan.official");
  await openReportSlot(page, ["2.5.1"]);
  const form = page.getByTestId("report-form");
  await form.getByLabel("进展情况").fill("【浏览器测试】无投资指标的措施。");
  await form.getByRole("button", { name: "报送" }).click();
  await expect(slotNote(page)).toHaveText("本期报告已报送，等待审核。", { timeout: 5_000 });
});

test("[WORKFLOW]: the change history names each action in words", async ({ page }) => {
  await logIn(page, "jinan.official", undefined, "/measures/2.5.3");
  await page.getByText("修改责任人").click();
  const form = page.getByTestId("measure-owner-form");
  await form.getByLabel("责任人").fill("王五（科长）");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  await page.reload();
  await page.getByRole("tab", { name: "历史" }).click();
  await expect(page.getByTestId("measure-history")).toContainText("济南市发展改革委联络员 将责任人由", { timeout: 5_000 });
  await expect(page.getByTestId("measure-history")).toContainText("改为 王五（科长）");
});

test("[LEDGER]: filters, sorting, paging and grouping live in the URL", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/ledger");
  const rows = page.locator("tr[data-measure-code]");
  const total = page.getByTestId("ledger-total");

  const filters = page.getByRole("form", { name: "筛选" });
  await filters.getByLabel("灯色").selectOption({ label: "红灯" });
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]light=RED(&|$)/);
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  await expect(total).toHaveText(`共 ${count} 项措施`);
  for (const badge of await rows.locator("[data-light]").all()) await expect(badge).toHaveAttribute("data-light", "RED");

  await page.getByRole("button", { name: "完成时限", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=dueDate(&|$)/);
  await page.reload();
  await expect(page).toHaveURL(/[?&]sort=dueDate(&|$)/);
  await expect(page.getByRole("columnheader", { name: "完成时限" })).toHaveAttribute("aria-sort", "ascending");
  await expect(filters.getByLabel("灯色")).toHaveValue("RED");

  await page.getByLabel("分组").selectOption({ label: "按牵头单位" });
  await expect(page).toHaveURL(/[?&]group=leadUnit(&|$)/);
  await expect(page.locator("tbody tr:not([data-measure-code])").first()).toBeVisible();
  await expect(rows).toHaveCount(count);

  // The URL is the whole view: a bookmark shows the same thing.
  const bookmark = await page.context().newPage();
  await bookmark.goto(page.url());
  await expect(bookmark.getByTestId("ledger-total")).toHaveText(`共 ${count} 项措施`);
  await expect(bookmark.getByLabel("分组")).toHaveValue("leadUnit");
  await bookmark.close();

  // Paging: 20 a page, then the second page holds the rest.
  await page.goto("/ledger");
  const all = Number((await total.innerText()).match(/\d+/)![0]);
  expect(all).toBeGreaterThan(20);
  await page.getByLabel("每页").selectOption("20");
  await expect(page).toHaveURL(/[?&]perPage=20(&|$)/);
  await expect(rows).toHaveCount(20);
  await page.getByRole("button", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(rows).toHaveCount(Math.min(20, all - 20));
  await expect(page.getByText(`第 2 / ${Math.ceil(all / 20)} 页`, { exact: true })).toBeVisible();

  // A row opens its measure, wherever it is clicked.
  const code = await rows.first().getAttribute("data-measure-code");
  await rows.first().locator("td").last().click();
  await expect(page).toHaveURL(new RegExp(`/measures/${code!.replaceAll(".", "\\.")}$`));
});

test("[I18N]: the workflow pages read in English", async ({ page }) => {
  await logIn(page, "inspector", undefined, "/ledger");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ledger");
  await page.goto("/reviews");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reports to review");
  await page.goto("/missing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Missing reports");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("未报送情况");
});
