import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

// The phone cards render in the browser (components/ledger/ledger-cards.tsx): without
// JavaScript a phone gets the desktop table instead of an empty page; with it, the cards only.
test("[LEDGER]: on a phone without JavaScript the ledger shows its rows as the table", async ({ browser }) => {
  const signedIn = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await signedIn.newPage();
  await logIn(page, "viewer", undefined, "/ledger");
  await expect(page.getByTestId("ledger-cards").locator("li").first()).toBeVisible();
  await expect(page.locator("tr[data-measure-code]").first()).toBeHidden();

  const noScript = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, storageState: await signedIn.storageState() });
  const plain = await noScript.newPage();
  await plain.goto("/ledger");
  await expect(plain.locator("tr[data-measure-code]").first()).toBeVisible();
  await expect(plain.getByTestId("ledger-cards")).toHaveCount(0);
  await noScript.close();
  await signedIn.close();
});
