import { expect, test } from "@playwright/test";
import { logIn, openHeaderMenu } from "./helpers";

test("[API]: create a token in the UI, call the API with it, revoke it, and the call is refused", async ({ page, request }) => {
  await logIn(page, "jinan.official", undefined, "/account/password");
  await page.getByRole("link", { name: "管理 API 令牌" }).click();
  await expect(page.getByRole("heading", { name: "个人 API 令牌" })).toBeVisible();

  const name = `browser-${Date.now()}`;
  await page.getByLabel("名称").fill(name);
  await page.getByRole("button", { name: "创建令牌" }).click();
  const token = (await page.getByTestId("new-api-token").innerText()).trim();
  expect(token).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
  const row = page.locator(`tr[data-token-name="${name}"]`);
  await expect(row).toHaveAttribute("data-token-state", "active");
  await expect(row).toContainText(token.slice(0, 12));
  // The secret itself is only in the one-time notice, never in the list.
  await expect(row).not.toContainText(token);

  // The `request` fixture carries no browser cookies: the token alone authenticates.
  const withToken = await request.get("/api/v1/measures?area=2.1&perPage=10", { headers: { Authorization: `Bearer ${token}` } });
  expect(withToken.status()).toBe(200);
  const body = await withToken.json();
  expect(body.total).toBeGreaterThan(0);
  expect(body.items[0].code).toMatch(/^2\.1\./);
  expect((await request.get("/api/v1/measures")).status()).toBe(401);
  // Pages take no tokens: without a session cookie they send the caller to the login page.
  const pageWithToken = await request.get("/ledger", { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(pageWithToken.status()).toBe(307);
  expect(pageWithToken.headers().location).toContain("/login");

  await page.reload();
  await expect(row).not.toContainText("从未");
  await row.getByRole("button", { name: "吊销" }).click();
  await expect(row).toHaveAttribute("data-token-state", "revoked");
  await expect(row).toContainText("已吊销");
  await page.screenshot({ path: "test-results/playwright/api-tokens.png", fullPage: true });

  const afterRevoke = await request.get("/api/v1/measures", { headers: { Authorization: `Bearer ${token}` } });
  expect(afterRevoke.status()).toBe(401);
  expect(await afterRevoke.json()).toEqual({ error: { code: "UNAUTHENTICATED", values: {}, fieldErrors: {} } });
});

test("[API]: the API docs page renders the OpenAPI document by tag, with a curl example", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/");
  await openHeaderMenu(page, "user-menu");
  await page.getByRole("link", { name: "API 文档" }).click();
  await expect(page.getByRole("heading", { name: /API 文档/ })).toBeVisible();
  const list = page.locator('[data-operation="GET /api/v1/measures"]');
  await expect(list).toContainText("perPage");
  await expect(list.locator("pre")).toContainText("Authorization: Bearer $LUOSHI_TOKEN");
  const post = page.locator('[data-operation="POST /api/v1/reports"]');
  await expect(post).toContainText("CreateProgressReport");
  await expect(page.getByRole("heading", { name: "Reports", exact: true })).toBeVisible();
  await expect(page.locator("#schema-MeasureSummary")).toContainText("percentComplete");
  await page.screenshot({ path: "test-results/playwright/api-docs.png", fullPage: true });
  const document = await page.request.get("/api/v1/openapi.json");
  expect((await document.json()).openapi).toMatch(/^3\./);
});
