import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

// 2.2.2 is led by prov-drc; jinan-drc (jinan.official) and zibo-drc (zibo.official) cooperate on it.
// The seed's sample reports are the lead unit's only, so jinan-drc's slot for this month is free.
const CODE = "2.2.2";

test("[DRAFTS]: a unit's draft is absent from other units' page HTML; a cooperating unit cannot close the measure out", async ({ browser }) => {
  // Three sign-ins and several page loads: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const marker = `草稿内容仅本单位可见-${Date.now()}`;
  const jinan = await browser.newPage();
  await logIn(jinan, "jinan.official", undefined, `/measures/${CODE}?tab=reports`);
  const form = jinan.getByTestId("report-form");
  // Only the lead unit's report can close a measure out: no completion box for a cooperating unit.
  await expect(form.getByLabel("进展情况")).toBeVisible();
  await expect(form.locator('input[name="isCompletion"]')).toHaveCount(0);
  await form.getByLabel("进展情况").fill(marker);
  await form.getByRole("button", { name: "保存草稿" }).click();
  await expect(form.getByText("草稿已保存。")).toBeVisible();

  // Its own unit sees the draft in the reports list after a reload.
  const own = await jinan.goto(`/measures/${CODE}?tab=reports`);
  expect(await own!.text()).toContain(marker);
  await expect(jinan.locator("li[data-report-state=DRAFT]", { hasText: marker })).toBeVisible();

  // Another cooperating unit, and a reviewer, get HTML without the draft's text anywhere (markup or RSC payload).
  for (const login of ["zibo.official", "inspector"]) {
    const other = await browser.newPage();
    await logIn(other, login);
    const response = await other.goto(`/measures/${CODE}`);
    expect(response!.status()).toBe(200);
    const html = await response!.text();
    expect(html).toContain(CODE);
    expect(html).not.toContain(marker);
    expect(await other.content()).not.toContain(marker);
    await expect(other.locator("li[data-report-state=DRAFT]")).toHaveCount(0);
    await other.close();
  }
});
