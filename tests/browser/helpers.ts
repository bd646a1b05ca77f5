import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Luoshi-Demo-2026";

/** Fills and submits the login form (the page must show it). */
export async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Logs in through the login page, as a person would, and waits to land on `path`. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await submitLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Opens one of the header's menus: "user-menu", "more-menu", "admin-menu" or "phone-menu". */
export async function openHeaderMenu(page: Page, menu: "user-menu" | "more-menu" | "admin-menu" | "phone-menu") {
  await page.getByTestId(menu).click();
  await expect(page.getByTestId(menu)).toHaveAttribute("aria-expanded", "true");
}

export async function expectSignedIn(page: Page) {
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** The login form's own message (Next.js also has an empty role=alert announcer). */
export const loginMessage = (page: Page) => page.locator("form").getByRole("alert");
