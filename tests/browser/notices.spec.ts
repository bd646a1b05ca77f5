import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { logIn } from "./helpers";

// 1.2 and 1.1 are led by jinan.official's unit (jinan-drc); the inspector account issues and decides.
const cases = [
  { locale: "zh", messages: zh, code: "1.2" },
  { locale: "en", messages: en, code: "1.1" },
] as const;

async function signIn(browser: Browser, login: string, locale: "zh" | "en", path = "/"): Promise<Page> {
  const page = await browser.newPage();
  await logIn(page, login, undefined, path);
  if (locale === "en") {
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
  return page;
}

for (const { locale, messages: m, code } of cases) {
  const t = m.notices;
  test(`[NOTICES]: inspector issues a notice; the official sees it in My work and the inbox and replies; the inspector accepts; the dashboard counts follow (${locale})`, async ({ browser }) => {
    // Two people, a minute's wait for the dispatch job, and the history tab: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    const body = `${locale}: browser test ${Date.now()}`;

    const inspector = await signIn(browser, "inspector", locale);
    const openCount = async () => {
      await inspector.goto("/dashboard");
      return Number(await inspector.getByTestId("notices-open").textContent());
    };
    const before = await openCount();

    // The inspector issues a 督办 (yellow) notice on the measure page.
    await inspector.goto(`/measures/${code}`);
    await inspector.getByRole("tab", { name: m.measureTabs.notices }).click();
    const form = inspector.getByTestId("issue-notice-form");
    await form.getByLabel(t.body, { exact: true }).fill("");
    await form.getByRole("button", { name: t.issue }).click();
    // Bad input keeps the form and says which field.
    await expect(form.getByText(m.fieldErrors.required)).toBeVisible();
    await form.getByLabel(t.body, { exact: true }).fill(body);
    await form.getByRole("button", { name: t.issue }).click();
    await expect(form.getByRole("status")).toBeVisible();
    const notices = inspector.getByTestId("measure-notices").getByTestId("notice-list");
    const row = notices.getByRole("row").filter({ has: inspector.locator('[data-level="SUPERVISE"]') }).first();
    await expect(row.locator('[data-state="OPEN"]')).toBeVisible();
    await row.getByRole("link").first().click();
    await expect(inspector.getByTestId("notice-body")).toContainText(body);
    const noticeUrl = inspector.url();
    expect(await openCount()).toBe(before + 1);
    await inspector.goto(noticeUrl);

    // The official of the lead unit finds it in My work (the home page) and in the inbox, and replies.
    const noticePath = new URL(noticeUrl).pathname;
    const official = await signIn(browser, "jinan.official", locale, "/");
    const myWorkItem = official.getByTestId("my-work-list").locator(`li[data-kind="noticeOpen"]:has(a[href="${noticePath}"])`);
    await expect(myWorkItem).toBeVisible();
    await expect(myWorkItem).toContainText(m.myWork.kinds.noticeOpen);
    // The dispatch job runs every few seconds in the app's own process.
    await expect
      .poll(async () => {
        await official.goto("/inbox");
        return official.locator(`[data-testid="inbox-item"] a[href="${noticePath}"]`).count();
      }, { timeout: 60_000, intervals: [2_000] })
      .toBe(1);
    await official.locator(`[data-testid="inbox-item"] a[href="${noticePath}"]`).click();
    await expect(official).toHaveURL(noticeUrl);
    await expect(official.getByTestId("notice-body")).toContainText(body);
    const reply = official.getByTestId("reply-notice-form");
    await reply.getByLabel(t.replyBody, { exact: true }).fill(`${body} — reply`);
    await reply.getByRole("button", { name: t.reply }).click();
    await expect(official.getByTestId("notice-replies")).toContainText(`${body} — reply`);
    await expect(official.getByText(t.awaitingDecision)).toBeVisible();

    // The inspector accepts; the notice is closed and in the measure's history.
    await inspector.reload();
    await inspector.getByTestId("decide-notice-form").getByRole("button", { name: t.accept }).click();
    await expect(inspector.locator("h1 [data-state]")).toHaveAttribute("data-state", "ACCEPTED");
    expect(await openCount()).toBe(before);
    // Done: it has left the official's My work.
    await official.goto("/");
    await expect(official.locator(`a[href="${noticePath}"]`)).toHaveCount(0);
    await inspector.goto(`/measures/${code}?tab=history`);
    // "… accepted the reply to Notice 2026/12; the notice is closed": the sentence's words after the serial.
    const accepted = m.historySentences.notice_accept.split("{serial}")[1]!.split("{comment}")[0]!;
    await expect(inspector.getByTestId("measure-history").getByRole("listitem").first()).toContainText(accepted);
    await inspector.close();
    await official.close();
  });
}

test("[NOTICES]: officials get no issue form", async ({ browser }) => {
  const official = await signIn(browser, "jinan.official", "zh");
  await official.goto("/measures/1.2");
  await expect(official.getByRole("heading", { level: 1 })).toContainText("1.2");
  await expect(official.getByTestId("issue-notice-form")).toHaveCount(0);
  await official.close();
});
