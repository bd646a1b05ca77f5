import { expect, test } from "@playwright/test";
import { expectSignedIn, logIn, openHeaderMenu } from "./helpers";

/** The session cookie of a signed-in browser, as someone who copied it would hold it. */
async function copiedSessionCookie(page: import("@playwright/test").Page) {
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  return session!;
}

test("[SESSIONS]: after logging out, a copied session cookie gets 401 and no session", async ({ page, browser, baseURL }) => {
  await logIn(page, "viewer");
  const cookie = await copiedSessionCookie(page);
  const copy = await browser.newContext({ baseURL, locale: "zh-CN" });
  await copy.addCookies([cookie]);
  expect((await copy.request.get("/api/v1/me")).status()).toBe(200);

  await openHeaderMenu(page, "user-menu");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  expect((await copy.request.get("/api/v1/me")).status()).toBe(401);
  expect(await (await copy.request.get("/api/auth/session")).json()).toEqual({});
  const copyPage = await copy.newPage();
  await copyPage.goto("/");
  await expect(copyPage).toHaveURL(/\/login/);
  await copy.close();
});

test("[SESSIONS]: sign out everywhere ends this browser's session and every other one", async ({ page, browser, baseURL }) => {
  const other = await browser.newContext({ baseURL, locale: "zh-CN" });
  const otherPage = await other.newPage();
  await logIn(otherPage, "viewer", undefined, "/");
  await logIn(page, "viewer", undefined, "/account/password");
  await expectSignedIn(page);

  await page.getByRole("button", { name: "退出所有登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  await otherPage.goto("/");
  await expect(otherPage).toHaveURL(/\/login/);
  expect((await other.request.get("/api/v1/me")).status()).toBe(401);
  await other.close();
});
