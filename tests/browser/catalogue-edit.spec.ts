import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[CATALOGUE]: an admin creates a measure, finds it in the ledger, edits it, suspends it and sees the grey light", async ({ page }) => {
  const code = `9.9.${Date.now() % 100_000}`;
  await logIn(page, "admin", undefined, "/catalogue");
  await page.getByRole("link", { name: "新建措施" }).click();
  await expect(page).toHaveURL(/\/catalogue\/new$/);

  const form = page.getByTestId("measure-form");
  await form.getByLabel("编号").fill(code);
  await form.getByLabel("中文标题").fill("浏览器新建的测试措施");

  // Cooperating units from the multi-select picker: by name with the keyboard, by code with the mouse, one removed again.
  const cooperating = form.getByRole("combobox", { name: "配合单位" });
  const options = page.getByRole("listbox", { name: "配合单位" }).getByRole("option");
  const chips = form.getByRole("list", { name: "已选配合单位" }).getByRole("listitem");
  await cooperating.fill("商务厅");
  await expect(options.first()).toContainText("山东省商务厅");
  await cooperating.press("ArrowDown");
  await cooperating.press("Enter");
  await expect(cooperating).toHaveValue("");
  await cooperating.fill("zibo-drc");
  await options.filter({ hasText: "淄博市发展和改革委员会" }).click();
  await cooperating.fill("taian-drc");
  await options.filter({ hasText: "泰安市发展和改革委员会" }).click();
  await expect(chips).toHaveCount(3);
  // A chosen unit is not offered again.
  await cooperating.fill("zibo-drc");
  await expect(form.getByRole("status").filter({ hasText: "没有匹配的单位" })).toHaveCount(1);
  await expect(options).toHaveCount(0);
  await cooperating.press("Escape");
  await form.getByRole("button", { name: "移除“泰安市发展和改革委员会”" }).click();
  await expect(cooperating).toBeFocused();
  await expect(chips).toHaveCount(2);

  // Nothing chosen as lead unit: refused next to the picker, what was typed and chosen stays.
  await form.getByRole("button", { name: "新建" }).click();
  await expect(form.getByText("必填。")).toBeVisible();
  await expect(form.getByLabel("中文标题")).toHaveValue("浏览器新建的测试措施");
  await expect(chips).toHaveCount(2);
  await expect(form.locator('input[type=hidden][name="cooperatingUnits"]')).toHaveValue("prov-commerce,zibo-drc");

  const picker = form.getByRole("combobox", { name: "牵头单位" });
  await picker.fill("交通运输厅");
  await expect(page.getByRole("listbox", { name: "牵头单位" }).getByRole("option").first()).toBeVisible();
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await form.getByRole("checkbox", { name: "济南", exact: true }).check();
  await form.getByLabel("开始日期").fill("2026-01-01");
  await form.getByLabel("完成时限", { exact: true }).fill("2030-12-31");
  await form.getByLabel("计划投资（万元）").fill("800");
  await form.getByRole("button", { name: "新建" }).click();
  await expect(form.getByRole("status").filter({ hasText: /\S/ })).toHaveText(`已新建措施 ${code}。`);

  await page.goto(`/ledger?q=${encodeURIComponent(code)}`);
  const row = page.locator(`tr[data-measure-code="${code}"]`);
  await expect(row).toContainText("浏览器新建的测试措施");
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("浏览器新建的测试措施");
  // The two cooperating units chosen in the picker are the measure's.
  const parts = page.getByTestId("cooperating-parts");
  await expect(parts.locator("tr[data-unit-code]")).toHaveCount(2);
  await expect(parts.locator('tr[data-unit-code="prov-commerce"]')).toContainText("山东省商务厅");
  await expect(parts.locator('tr[data-unit-code="zibo-drc"]')).toContainText("淄博市发展和改革委员会");

  await page.getByTestId("edit-measure").click();
  await expect(page).toHaveURL(new RegExp(`/measures/${code.replace(/\./g, "\\.")}/edit$`));
  const edit = page.getByTestId("measure-form");
  // The edit form shows the measure's cooperating units as chips.
  await expect(edit.getByRole("list", { name: "已选配合单位" }).getByRole("listitem")).toHaveText([/山东省商务厅/, /淄博市发展和改革委员会/]);
  await edit.getByLabel("中文标题").fill("浏览器修改后的测试措施");
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit.getByRole("status").filter({ hasText: /\S/ })).toHaveText("已保存。");

  const suspend = page.getByTestId("suspend-form");
  await suspend.getByLabel("暂停原因").fill("上级政策调整");
  await suspend.getByRole("button", { name: "暂停" }).click();
  await expect(suspend.getByRole("status").filter({ hasText: /\S/ })).toHaveText("已暂停该措施。");

  await page.goto(`/measures/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("浏览器修改后的测试措施");
  await expect(page.getByTestId("measure-light").locator('[data-light="SUSPENDED"]')).toHaveText(/已暂停/);
  await expect(page.getByTestId("suspended-note")).toContainText("上级政策调整");

  await page.goto(`/ledger?light=SUSPENDED&q=${encodeURIComponent(code)}`);
  await expect(page.locator(`tr[data-measure-code="${code}"] [data-light="SUSPENDED"]`)).toBeVisible();
});
