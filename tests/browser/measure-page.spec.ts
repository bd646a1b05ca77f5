import { expect, test, type Page } from "@playwright/test";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { logIn } from "./helpers";

// 2.5.1 is led by jinan.official's unit (jinan-drc): the official manages its milestones.
const CODE = "2.5.1";
const cases = [
  { locale: "zh", m: zh },
  { locale: "en", m: en },
] as const;

const tab = (page: Page, name: string) => page.getByRole("tab", { name, exact: true });
const panel = (page: Page, id: string) => page.locator(`[role="tabpanel"]#${id}`);

for (const { locale, m } of cases) {
  test(`[MEASURE]: tabs, the #reports anchor, a milestone named in Chinese only, completed with confirmation and undone, history in sentences (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, "jinan.official", undefined, `/measures/${CODE}`);
    if (locale === "en") {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
    const t = m.measureTabs;

    // The overview first; a tab switches in place and keeps itself in the URL.
    await expect(tab(page, t.overview)).toHaveAttribute("aria-selected", "true");
    await expect(panel(page, "overview")).toBeVisible();
    await expect(panel(page, "reports")).toBeHidden();
    await tab(page, t.reports).click();
    await expect(panel(page, "reports")).toBeVisible();
    await expect(panel(page, "overview")).toBeHidden();
    await expect(page).toHaveURL(/[?&]tab=reports(&|$)/);

    // The notification links' anchor opens its tab.
    await page.goto(`/measures/${CODE}#reports`);
    await expect(tab(page, t.reports)).toHaveAttribute("aria-selected", "true");
    await expect(panel(page, "reports")).toBeVisible();
    await expect(page.getByTestId("report-form")).toBeVisible();

    // A milestone with its Chinese name only.
    const name = `浏览器节点-${locale}-${Date.now()}`;
    await page.goto(`/measures/${CODE}?tab=milestones`);
    const add = page.getByTestId("add-milestone-form");
    await add.getByLabel(m.workflow.milestoneTitleZh).fill(name);
    await add.getByLabel(m.workflow.milestoneDue).fill("2027-03-31");
    await add.getByRole("button", { name: m.workflow.milestoneAdd }).click();
    const item = page.getByTestId("milestones").getByRole("listitem").filter({ hasText: name });
    await expect(item).toHaveAttribute("data-milestone-done", "false");

    // Completing asks first; cancel leaves it open, confirm completes it.
    await item.getByRole("button", { name: m.workflow.milestoneComplete }).click();
    await expect(item.getByText(t.milestoneCompleteConfirm)).toBeVisible();
    await item.getByRole("button", { name: t.cancel }).click();
    await expect(item.getByText(t.milestoneCompleteConfirm)).toHaveCount(0);
    await item.getByRole("button", { name: m.workflow.milestoneComplete }).click();
    await item.getByRole("button", { name: t.milestoneConfirm }).click();
    await expect(item).toHaveAttribute("data-milestone-done", "true");

    // Undone within the window: open again.
    await item.getByRole("button", { name: t.milestoneUndo }).click();
    await expect(item).toHaveAttribute("data-milestone-done", "false");
    await expect(item.getByRole("button", { name: t.milestoneUndo })).toHaveCount(0);

    // The history says it in words: no JSON, no ids.
    await tab(page, t.history).click();
    const history = page.getByTestId("measure-history");
    const undo = m.historySentences.milestone_undoComplete.split("{title}")[0]!.split("{actor} ")[1]!;
    await expect(history.getByRole("listitem").first()).toContainText(`${undo}${name}`);
    await expect(history.getByRole("listitem").nth(1)).toContainText(name);
    const text = await history.innerText();
    expect(text).not.toMatch(/[{}]|"\w+":/);
    expect(text).not.toMatch(/\bc[a-z0-9]{20,}\b/);
  });
}

test("[MEASURE]: a leader gets no milestone controls; the phone layout keeps the report form within 390 px", async ({ browser }) => {
  const leader = await browser.newPage();
  await logIn(leader, "leader", undefined, `/measures/${CODE}?tab=milestones`);
  await expect(panel(leader, "milestones")).toBeVisible();
  await expect(leader.getByTestId("add-milestone-form")).toHaveCount(0);
  await expect(leader.getByRole("button", { name: zh.workflow.milestoneComplete })).toHaveCount(0);
  await leader.close();

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await logIn(phone, "jinan.official", undefined, `/measures/${CODE}?tab=reports`);
  const form = phone.getByTestId("report-form");
  await expect(form).toBeVisible();
  // Nothing in the page's content runs past the screen's edge (the tab bar may reach into main's padding).
  const overflow = await phone.locator("main#main").evaluate((main) => main.scrollWidth - main.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const submit = await form.getByRole("button", { name: zh.workflow.submit }).boundingBox();
  expect(submit!.width).toBeGreaterThan(120);
  await phone.screenshot({ path: "test-results/screens/measure-phone.png", fullPage: true });
  await phone.close();
});
