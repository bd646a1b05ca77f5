import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedIn, logIn, loginMessage, openHeaderMenu, submitLogin } from "./helpers";

test("[AUTH]: every page but login and health needs a session", async ({ page, request }) => {
  await page.goto("/measures/1.1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmeasures%2F1\.1/);
  expect((await request.get("/api/health")).status()).toBe(200);
  const api = await request.get("/api/v1/me");
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: { code: "UNAUTHENTICATED", values: {}, fieldErrors: {} } });
});

test("[AUTH]: log in, land where you were headed, log out", async ({ page }) => {
  await logIn(page, "leader", DEMO_PASSWORD, "/measures/2.1.2");
  await expect(page).toHaveURL(/\/measures\/2\.1\.2$/);
  await expectSignedIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("瓶颈路");

  await openHeaderMenu(page, "user-menu");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("[AUTH]: a wrong password says so without revealing whether the user exists", async ({ page }) => {
  await page.goto("/login");
  await submitLogin(page, "leader", "wrong-password");
  await expect(loginMessage(page)).toHaveText("用户名或密码错误。");
  await expect(page.getByLabel("用户名")).toHaveValue("leader");
  await expect(page).toHaveURL(/\/login/);

  await submitLogin(page, "no.such.user", "wrong-password");
  await expect(loginMessage(page)).toHaveText("用户名或密码错误。");
});

test("[AUTH]: repeated failures are throttled with a clear message", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitLogin(page, "throttle.target", `wrong-${attempt}`);
    await expect(loginMessage(page)).toHaveText("用户名或密码错误。");
    // Wait for the answer before the next try, as a person would.
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  await submitLogin(page, "throttle.target", "wrong-6");
  await expect(loginMessage(page)).toHaveText("此处登录失败次数过多，请稍候再试；失败次数越多，需要等待的时间越长。");
});

test("[LOGIN]: an off-site callbackUrl ends on this site's home page after login", async ({ page, baseURL }) => {
  for (const callbackUrl of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https%3A%2F%2Fevil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await submitLogin(page, "viewer", DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname, callbackUrl).toBe("/");
  }
});

test("[AUTH]: zibo.official cannot edit a Jinan-led measure, not even by a forged POST", async ({ page }) => {
  await logIn(page, "zibo.official");
  await expectSignedIn(page);

  // 1.1 is led by Jinan's DRC with Jinan units cooperating: no edit control.
  await page.goto("/measures/1.1");
  const responsible = page.locator("dt", { hasText: "责任人" }).locator("xpath=following-sibling::dd[1]");
  const before = await responsible.innerText();
  await expect(page.getByTestId("measure-owner-form")).toHaveCount(0);

  // 2.5.2 (Jinan–Zibo) has Zibo's DRC cooperating: the control is there.
  await page.goto("/measures/2.5.2");
  await page.getByText("修改责任人").click();
  const form = page.getByTestId("measure-owner-form");
  await expect(form).toBeVisible();

  // Point the real form at 1.1 and submit: the server must refuse.
  await form.locator('input[name="code"]').evaluate((input: HTMLInputElement) => (input.value = "1.1"));
  await form.getByLabel("责任人").fill("伪造的责任人");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("alert")).toHaveText("您没有权限执行此操作。");
  await expect(form.getByLabel("责任人")).toHaveValue("伪造的责任人");

  await page.goto("/measures/1.1");
  await expect(responsible).toHaveText(before);
});

test("[AUTH]: an official edits a measure of their own unit", async ({ page }) => {
  await logIn(page, "jinan.official");
  await page.goto("/measures/1.2");
  await page.getByText("修改责任人").click();
  const form = page.getByTestId("measure-owner-form");
  await form.getByLabel("责任人").fill("  ");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("必填。")).toBeVisible();

  await form.getByLabel("责任人").fill("张三（处长）");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  await page.reload();
  await expect(page.locator("dt", { hasText: "责任人" }).locator("xpath=following-sibling::dd[1]")).toContainText("张三（处长）");
});
