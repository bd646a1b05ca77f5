import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

// 2.2.2 is led by prov-drc; jinan-drc (jinan.official) cooperates on it. The seed's sample reports
// are the lead unit's only, so jinan-drc's slot for last month is free (drafts.spec.ts uses this month's).
const CODE = "2.2.2";

function lastMonth(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

test("[LEAD]: a cooperating unit's approved part shows beside the lead's and leaves the measure's figures alone", async ({ browser }) => {
  test.setTimeout(180_000);
  const marker = `配合单位本部分进展-${Date.now()}`;
  const jinan = await browser.newPage();
  await logIn(jinan, "jinan.official", undefined, `/measures/${CODE}?period=${lastMonth()}`);
  const percentBefore = await jinan.getByTestId("measure-light").innerText();
  await expect(jinan.getByTestId("cooperating-report-note")).toBeVisible();
  const form = jinan.getByTestId("report-form");
  await expect(form.locator('input[name="isCompletion"]')).toHaveCount(0);
  await form.getByLabel("完成比例（%）").fill("100");
  await form.getByLabel("进展情况").fill(marker);
  await form.getByRole("button", { name: "报送" }).click();
  await expect(jinan.getByRole("note").filter({ hasText: "本期报告已报送，等待审核。" })).toBeVisible();

  // The inspector's queue marks it as a cooperating unit's report; the inspector approves it on the measure page.
  const inspector = await browser.newPage();
  await logIn(inspector, "inspector", undefined, "/reviews");
  await expect(inspector.locator("[data-report-role=cooperating]").first()).toBeVisible();
  await inspector.goto(`/measures/${CODE}?tab=reports`);
  const ours = inspector.locator("li[data-report-role=cooperating]", { hasText: marker });
  await ours.getByRole("button", { name: "审核通过" }).click();
  await expect(ours).toHaveAttribute("data-report-state", "APPROVED");

  // The cooperating units' section shows jinan-drc's part; the measure's percent is the lead unit's, unchanged.
  await inspector.reload();
  const parts = inspector.getByTestId("cooperating-parts");
  await expect(parts).toContainText(marker);
  await expect(parts.locator("tr", { hasText: marker })).toContainText("100%");
  await expect(inspector.getByRole("heading", { name: "配合单位报送情况" })).toBeVisible();
  expect(await inspector.getByTestId("measure-light").innerText()).toBe(percentBefore);
});
