import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[ADMIN-TABLES]: a unit is searched, paged, opened in the drawer, saved, and the change shows in the table", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/units?perPage=10");
  const results = page.getByTestId("table-results");
  await expect(results).toContainText(/第 1\/\d+ 页/);
  await expect(page.getByTestId("units-table").locator("tbody tr")).toHaveCount(10);
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(results).toContainText(/第 2\/\d+ 页/);
  await expect(page).toHaveURL(/[?&]perPage=10(&|$)/);

  const create = page.getByTestId("create-unit-form");
  await create.getByLabel("编码").fill("t-drawer-unit");
  await create.getByLabel("中文名称").fill("抽屉测试单位");
  await create.getByLabel("英文名称").fill("Drawer test unit");
  await create.getByRole("button", { name: "创建" }).click();
  await expect(create.getByRole("status")).toHaveText("已创建单位。");

  const toolbar = page.getByTestId("table-toolbar");
  await toolbar.getByLabel("编码或名称").fill("抽屉测试");
  await toolbar.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(results).toContainText("共 1 条");
  await page.getByRole("link", { name: "t-drawer-unit", exact: true }).click();
  const drawer = page.getByTestId("edit-drawer");
  await expect(drawer.getByRole("heading", { name: "编辑单位 抽屉测试单位" })).toBeFocused();
  await expect(page).toHaveURL(/[?&]edit=/);

  // A rejected save: the first field in error takes the focus, everything typed stays, nothing moves.
  const nameZh = drawer.getByLabel("中文名称");
  const webhook = drawer.getByLabel("群机器人 Webhook");
  const webhookTop = (await webhook.boundingBox())!.y;
  await nameZh.fill("");
  await webhook.fill("ftp://robot.example/send");
  await drawer.getByRole("button", { name: "保存" }).click();
  await expect(drawer.getByText("必填。")).toBeVisible();
  await expect(nameZh).toBeFocused();
  await expect(nameZh).toHaveAttribute("aria-invalid", "true");
  await expect(webhook).toHaveValue("ftp://robot.example/send");
  expect((await webhook.boundingBox())!.y).toBe(webhookTop);

  await nameZh.fill("抽屉测试单位（已改名）");
  await webhook.fill("");
  await drawer.getByRole("button", { name: "保存" }).click();
  await expect(drawer.getByRole("status")).toHaveText("已保存。");
  await expect(page.locator('[data-unit-row="t-drawer-unit"]')).toContainText("抽屉测试单位（已改名）");

  // Escape closes the drawer and keeps the search.
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]edit=/);
  await expect(results).toContainText("共 1 条");
});

test("[ADMIN-TABLES]: the settings explain the light rule with an example computed from the saved values; a range error names the range", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/settings");
  const examples = page.getByTestId("light-examples");
  await expect(examples).toContainText("示例：一项措施距完成时限 30 天，序时进度 80%，完成比例 60%，容差 10 个百分点，临期天数 30 天 → 黄灯。");
  const form = page.getByTestId("tracking-settings-form");
  await form.getByLabel("落后序时进度容差（百分点）").fill("60");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("请输入 0–50 之间的整数。")).toBeVisible();
  await expect(form.getByLabel("落后序时进度容差（百分点）")).toBeFocused();
  await expect(form.getByLabel("落后序时进度容差（百分点）")).toHaveValue("60");
});

test("[ADMIN-TABLES]: in English on a phone, a user is found, opened full screen with the last sign-in, and a rejected save keeps the focus on the error", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "admin");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto("/admin/users");
  // The admin's own row: signed in just now.
  await expect(page.locator('[data-user-row="admin"]')).not.toContainText("Never");

  const toolbar = page.getByTestId("table-toolbar");
  await toolbar.getByLabel("Username or name").fill("INSPECTOR");
  await toolbar.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "inspector", exact: true }).click();
  const drawer = page.getByTestId("edit-drawer");
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText("Last sign-in:");
  // Full screen on a phone.
  const box = (await drawer.boundingBox())!;
  expect([box.x, box.width]).toEqual([0, 390]);

  const name = drawer.getByLabel("Name", { exact: true });
  await name.fill("");
  await drawer.getByRole("button", { name: "Save", exact: true }).click();
  await expect(drawer.getByText("Required.")).toBeVisible();
  await expect(name).toBeFocused();
  await page.screenshot({ path: "test-results/screens/admin-phone.png", fullPage: false });

  await page.getByRole("link", { name: "Close" }).click();
  await expect(drawer).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/admin-phone-table.png", fullPage: true });
});

test("[ADMIN-TABLES]: a user's unit is chosen by typing, not from a menu of every unit; keyboard only in the drawer", async ({ page }) => {
  await logIn(page, "admin", undefined, "/admin/users");
  const create = page.getByTestId("create-user-form");
  await create.getByLabel("用户名").fill("t.picker.viewer");
  await create.getByLabel("姓名").fill("单位选择测试");
  await create.getByLabel("角色").selectOption("VIEWER");
  await create.getByRole("button", { name: "创建" }).click();
  await expect(create.getByRole("status").filter({ hasText: "已创建用户" })).toContainText("t.picker.viewer");

  await page.goto("/admin/users?q=t.picker.viewer");
  await page.getByRole("link", { name: "t.picker.viewer", exact: true }).click();
  const drawer = page.getByTestId("edit-drawer");
  const unit = drawer.getByRole("combobox", { name: "单位" });
  await expect(unit).toHaveValue("");
  // Opened without text: the first units only, with how many there are (a province has 1,500).
  await unit.click();
  await expect(drawer.getByRole("listbox").getByRole("option")).toHaveCount(20);
  await expect(drawer.getByRole("status").filter({ hasText: /^显示 \d+ 个中的前 20 个/ })).toBeAttached();
  // Typing narrows by name or code; arrows and Enter choose.
  await unit.fill("taian");
  await expect(drawer.getByRole("listbox").getByRole("option")).toHaveCount(3);
  await unit.press("ArrowDown");
  await unit.press("Enter");
  await expect(unit).toHaveValue("泰安市发展和改革委员会");
  await drawer.getByRole("button", { name: "保存", exact: true }).click();
  await expect(drawer.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(page.locator('[data-user-row="t.picker.viewer"]')).toContainText("泰安市发展和改革委员会");
});
