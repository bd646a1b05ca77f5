import { expect, test } from "@playwright/test";
import { expectSignedIn, logIn, openHeaderMenu } from "./helpers";

test("[ADMIN]: an admin creates a user, who must change the temporary password, then is disabled", async ({ browser }) => {
  // Two sign-ins and a password change (bcrypt) in two browsers: longer than one page's flow.
  test.slow();
  const admin = await browser.newPage();
  await logIn(admin, "admin");
  await admin.goto("/admin/users");
  const create = admin.getByTestId("create-user-form");
  await create.getByLabel("用户名").fill("taian.official");
  await create.getByLabel("姓名").fill('<img src=x onerror="window.__xss=1">泰安联络员');
  await create.getByLabel("角色").selectOption("OFFICIAL");
  await create.getByRole("button", { name: "创建" }).click();
  // An official without a unit is refused and the form keeps what was typed.
  await expect(create.getByText("责任单位联络员必须属于一个单位。")).toBeVisible();
  await expect(create.getByLabel("用户名")).toHaveValue("taian.official");

  // The unit is a type-ahead over every unit (a province has 1,500).
  await create.getByLabel("单位").fill("泰安市发展");
  await create.getByRole("option", { name: /泰安市发展和改革委员会/ }).click();
  await create.getByRole("button", { name: "创建" }).click();
  const status = create.getByRole("status").filter({ hasText: "已创建用户" });
  await expect(status).toContainText("已创建用户 taian.official");
  const temporaryPassword = (await status.innerText()).match(/临时密码：(\S+?)（/)?.[1];
  expect(temporaryPassword).toBeTruthy();

  // HTML typed into a name is shown as text, never run (in the table and in the edit drawer).
  await admin.goto("/admin/users?q=taian.official");
  await admin.getByRole("link", { name: "taian.official", exact: true }).click();
  const row = admin.locator('[data-login-name="taian.official"]');
  await expect(row.getByLabel("姓名")).toHaveValue('<img src=x onerror="window.__xss=1">泰安联络员');
  expect(await admin.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  const user = await browser.newPage();
  await logIn(user, "taian.official", temporaryPassword!);
  await expect(user).toHaveURL(/\/account\/password/);
  await user.goto("/");
  await expect(user).toHaveURL(/\/account\/password/);
  await user.getByLabel("当前密码").fill(temporaryPassword!);
  await user.getByLabel("新密码", { exact: true }).fill("Taian-2026-new");
  await user.getByLabel("确认新密码").fill("Taian-2026-new");
  await user.getByRole("button", { name: "修改密码" }).click();
  await expect(user.getByRole("status")).toHaveText("密码已修改，其他地方的登录已全部退出。");
  await user.goto("/");
  await expectSignedIn(user);

  // The admin's page predates the password change: the stale edit is refused.
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByRole("alert")).toContainText("该记录已被");
  await expect(row.getByRole("alert")).toContainText("修改，请刷新页面后重试。");

  // After a reload it goes through, and takes effect on the user's next request.
  await admin.reload();
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByRole("status").filter({ hasText: "已停用账号" })).toBeVisible();
  await user.goto("/measures/1.1");
  await expect(user).toHaveURL(/\/login/);
});

test("[ADMIN]: non-admins cannot open the admin pages", async ({ page }) => {
  await logIn(page, "inspector");
  await expectSignedIn(page);
  // No admin menu at all (a closed menu would hide its links from the count below too).
  await expect(page.getByTestId("admin-menu")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("[I18N]: the language switch changes the whole UI and is remembered", async ({ page }) => {
  await logIn(page, "viewer");
  await expectSignedIn(page);
  await page.goto("/catalogue");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Catalogue of measures");
  await expect(page.getByText("Implement the “bottleneck road”", { exact: false })).toBeVisible();
  await page.reload();
  await openHeaderMenu(page, "user-menu");
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("任务目录");
});
