import { expect, test, type Browser, type Page } from "@playwright/test";
import zh from "../../messages/zh-CN.json";
import { logIn } from "./helpers";

const t = zh.comments;
// Any measure: everyone but viewers takes part in a discussion.
const code = "1.4";

async function signIn(browser: Browser, login: string, path = "/"): Promise<Page> {
  const page = await browser.newPage();
  await logIn(page, login, undefined, path);
  return page;
}

test("[COMMENTS]: an official mentions the inspector chosen from the type-ahead; the inspector finds it in My work and the inbox, and replies", async ({ browser }) => {
  // Two people and a wait for the dispatch job (every minute) on a busy machine.
  test.setTimeout(240_000);
  const body = `请督查组把关 ${Date.now()}`;

  const official = await signIn(browser, "jinan.official");
  await official.goto(`/measures/${code}?tab=discussion`);
  await expect(official.getByRole("tab", { name: t.tab })).toHaveAttribute("aria-selected", "true");
  const form = official.getByTestId("comment-form");
  const text = form.getByRole("combobox", { name: t.label });

  // A comment over the limit is refused by the server and keeps what was typed.
  await text.fill("长".repeat(2001));
  await form.getByRole("button", { name: t.send }).click();
  await expect(form.getByText(zh.fieldErrors.tooLong.replace("{max}", "2000"))).toBeVisible();
  await expect(text).toHaveValue("长".repeat(2001));

  // @ and part of a name: the listbox offers the inspector; arrows and Enter choose.
  await text.fill("");
  await text.pressSequentially("第一行，@督查");
  const list = form.getByRole("listbox", { name: t.candidates });
  const option = list.getByRole("option", { name: /督查专员/ });
  await expect(option).toBeVisible();
  await text.press("Escape");
  await expect(list).toHaveCount(0);
  await text.pressSequentially("专");
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await text.press("Enter");
  await expect(text).toHaveValue("第一行，@督查专员 ");
  await text.press("Enter");
  await text.pressSequentially(body);
  await form.getByRole("button", { name: t.send }).click();
  await expect(form.getByRole("status")).toHaveText(t.success.commented);
  await expect(text).toHaveValue("");
  const thread = official.getByTestId("discussion");
  const mine = thread.getByTestId("comment").filter({ hasText: body });
  // Line breaks are kept (the text as stored, shown with white-space: pre-line).
  await expect(mine.getByTestId("comment-body")).toBeVisible();
  expect(await mine.getByTestId("comment-body").textContent()).toBe(`第一行，@督查专员 \n${body}`);
  await expect(mine.getByRole("button", { name: t.edit })).toBeVisible();

  // The inspector: My work lists the mention once the dispatch job has run; so does the inbox.
  const inspector = await signIn(browser, "inspector");
  const mention = inspector.getByTestId("my-work-list").locator('li[data-kind="commentMention"]').filter({ hasText: code });
  await expect
    .poll(async () => {
      await inspector.goto("/");
      return mention.count();
    }, { timeout: 120_000, intervals: [3_000] })
    .toBeGreaterThan(0);
  await expect(mention.first()).toContainText(zh.myWork.kinds.commentMention);
  await inspector.goto("/inbox");
  await expect(inspector.locator(`[data-testid="inbox-item"] a[href="/measures/${code}#discussion"]`).first()).toBeVisible();

  // The link opens the measure at its discussion, where the inspector replies, naming the official.
  await inspector.goto("/");
  await mention.first().getByRole("link").click();
  await expect(inspector.getByRole("tab", { name: t.tab })).toHaveAttribute("aria-selected", "true");
  await expect(inspector.getByTestId("discussion").getByTestId("comment").filter({ hasText: body })).toBeVisible();
  const reply = inspector.getByTestId("comment-form");
  const replyText = reply.getByRole("combobox", { name: t.label });
  await replyText.pressSequentially("收到，@济南");
  await reply.getByRole("option", { name: /济南市发展改革委联络员/ }).click();
  await replyText.pressSequentially("请补充材料");
  await reply.getByRole("button", { name: t.send }).click();
  await expect(reply.getByRole("status")).toHaveText(t.success.commented);

  // The official sees the reply in the thread.
  await official.reload();
  await expect(official.getByTestId("discussion").getByTestId("comment").filter({ hasText: "收到，@济南市发展改革委联络员 请补充材料" })).toBeVisible();
  await inspector.close();
  await official.close();
});
