import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { logIn, openHeaderMenu, submitLogin } from "./helpers";

// The main screens, as an inspector sees them (the role that sees every one of them).
const pages = {
  home: "/",
  ledger: "/ledger",
  measure: "/measures/2.1.2",
  reviews: "/reviews",
  dashboard: "/dashboard",
  timeline: "/timeline",
  bulletin: "/bulletin",
} as const;
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
const locales = { zh: "zh-CN", en: "en" } as const;

/** Serious and critical axe violations on the page as it is, one line each: rule, impact, first selectors. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
}

for (const [viewportName, viewport] of Object.entries(viewports)) {
  for (const [localeName, locale] of Object.entries(locales)) {
    test(`[SCREENS]: main pages at ${viewportName} in ${localeName}: screenshots, titles and no serious axe violation`, async ({ page, baseURL }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(viewport);
      // The login helper types into the Chinese form: the language is chosen after it.
      await logIn(page, "inspector");
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "" }]);
      const appName = localeName === "zh" ? "落实" : "Luoshi";
      const titles = new Set<string>();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await page.screenshot({ path: `test-results/screens/${viewportName}-${localeName}-${name}.png`, fullPage: true });
        // "<page> · 落实", a different one for every page.
        const title = await page.title();
        expect.soft(title, path).toMatch(new RegExp(`^.+ · ${appName}$`));
        titles.add(title);
        expect.soft(await seriousViolations(page), `${path} at ${viewportName} in ${localeName}`).toEqual([]);
      }
      expect(titles.size).toBe(Object.keys(pages).length);
    });
  }
}

test("[SCREENS]: at 1280 px the header is one row, marks the current place and its menus work by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, "admin", undefined, "/ledger");
  const nav = page.getByRole("navigation", { name: "主导航" });
  // One row: the bar is 56 px high, and the navigation fits inside it.
  expect((await page.locator("header").boundingBox())?.height).toBeLessThanOrEqual(64);
  expect((await nav.boundingBox())?.height).toBeLessThanOrEqual(48);
  await expect(nav.getByRole("link", { name: "台账" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "看板" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("phone-menu")).toBeHidden();

  // The admin menu: opened with Enter, closed with Escape, focus back on its button.
  await page.getByTestId("admin-menu").focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "用户管理" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "用户管理" })).toBeHidden();
  await expect(page.getByTestId("admin-menu")).toBeFocused();

  await openHeaderMenu(page, "user-menu");
  await expect(page.getByRole("link", { name: "API 令牌" })).toBeVisible();
  await page.getByRole("link", { name: "API 令牌" }).click();
  await expect(page).toHaveURL(/\/account\/tokens$/);
  await expect(page.getByTestId("user-menu")).toHaveAttribute("aria-expanded", "false");
});

test("[SCREENS]: on a phone a menu button opens every place", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "inspector");
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await openHeaderMenu(page, "phone-menu");
  const places = page.getByTestId("phone-menu-panel").getByRole("navigation", { name: "主导航" });
  for (const name of ["我的待办", "台账", "看板", "时间轴", "审核", "报表", "任务目录", "督办单"]) {
    await expect(places.getByRole("link", { name })).toBeVisible();
  }
  await places.getByRole("link", { name: "时间轴" }).click();
  await expect(page).toHaveURL(/\/timeline$/);
  await expect(page.getByTestId("phone-menu-panel")).toBeHidden();
});

test("[SCREENS]: logging out by 127.0.0.1 stays on 127.0.0.1", async ({ page, baseURL }) => {
  const origin = (baseURL ?? "").replace("localhost", "127.0.0.1");
  expect(origin).toContain("127.0.0.1");
  await page.goto(`${origin}/`);
  await expect(page).toHaveURL(`${origin}/login?callbackUrl=%2F`);
  await submitLogin(page, "viewer", "Luoshi-Demo-2026");
  await expect(page).toHaveURL(`${origin}/`);
  await openHeaderMenu(page, "user-menu");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(`${origin}/login`);
});
