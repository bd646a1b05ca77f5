import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[LEDGER]: a lead unit is found by typing part of its name, chosen with the keyboard, and kept by the filtered view", async ({ page }) => {
  await logIn(page, "leader", undefined, "/ledger");
  const picker = page.getByRole("combobox", { name: "牵头单位" });
  const listbox = page.getByRole("listbox", { name: "牵头单位" });
  // The page sends no list of units (neither as HTML nor in its RSC payload): options arrive only as the user searches.
  await expect(listbox).toHaveCount(0);
  expect(await page.content()).not.toContain("prov-transport");

  await picker.fill("不存在的单位");
  await expect(listbox.locator("xpath=..")).toContainText("没有匹配的单位。");
  await expect(listbox.getByRole("option")).toHaveCount(0);

  await picker.fill("交通运输厅");
  await expect(listbox.getByRole("option")).toHaveText(["山东省交通运输厅 prov-transport"]);
  await picker.press("ArrowDown");
  await expect(picker).toHaveAttribute("aria-activedescendant", /.+/);
  await picker.press("Enter"); // chooses; it does not submit the form
  await expect(listbox).toBeHidden();
  await expect(picker).toHaveValue("山东省交通运输厅");
  await expect(page).toHaveURL(/\/ledger$/);

  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]leadUnit=prov-transport(&|$)/);
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) await expect(row).toContainText("山东省交通运输厅");
  // The filtered page names its unit in the field, from the server.
  await expect(page.getByRole("combobox", { name: "牵头单位" })).toHaveValue("山东省交通运输厅");

  // Typing without choosing changes nothing; clearing means any unit again.
  await picker.fill("济南");
  await expect(listbox.getByRole("option").first()).toBeVisible();
  await page.getByLabel("搜索（编号、中文或英文标题）").click();
  await expect(picker).toHaveValue("山东省交通运输厅");
  await page.getByRole("button", { name: "清除“山东省交通运输厅”" }).click();
  await expect(picker).toHaveValue("");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]leadUnit=(&|$)/);
  await expect(page.locator("tbody tr").first()).toBeVisible();

  // Emptying the field by hand and pressing Enter in it sends "any unit" too.
  await page.goto("/ledger?leadUnit=prov-transport");
  await expect(picker).toHaveValue("山东省交通运输厅");
  await picker.fill("");
  await picker.press("Enter");
  await expect(page).toHaveURL(/[?&]leadUnit=(&|$)/);
});

test("[DASHBOARD]: the scope form's unit picker speaks English and narrows the dashboard", async ({ page }) => {
  await logIn(page, "leader", undefined, "/dashboard");
  await page.getByRole("button", { name: "English" }).click();
  const picker = page.getByRole("combobox", { name: "Lead unit" });
  await picker.fill("transport");
  const options = page.getByRole("listbox", { name: "Lead unit" }).getByRole("option");
  await expect(options.first()).toBeVisible();
  await expect(options).toContainText(["Shandong Provincial Department of Transport prov-transport"]);
  await options.filter({ hasText: "prov-transport" }).click();
  await expect(picker).toHaveValue("Shandong Provincial Department of Transport");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/dashboard\?.*leadUnit=prov-transport/);
  await expect(page.getByRole("combobox", { name: "Lead unit" })).toHaveValue("Shandong Provincial Department of Transport");
});

test("[LEDGER]: when the unit search cannot be reached, the picker says so and the form still works", async ({ page }) => {
  await logIn(page, "leader", undefined, "/ledger");
  // A network failure cannot be produced on loopback otherwise; only this one request is cut.
  await page.route("**/api/v1/units?**", (route) => route.abort("connectionfailed"));
  const picker = page.getByRole("combobox", { name: "牵头单位" });
  await picker.fill("交通");
  await expect(page.getByRole("listbox", { name: "牵头单位" }).locator("xpath=..")).toContainText("搜索失败，请重试。");
  await expect(page.getByRole("status").filter({ hasText: "搜索失败，请重试。" })).toHaveCount(1);
  await picker.press("Escape");
  await expect(picker).toHaveValue("");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/\/ledger\?/);
  await expect(page.locator("tbody tr").first()).toBeVisible();
});
