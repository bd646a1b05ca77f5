import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[NOTIFY]: an official finds the inbox in the header and sets notification choices; the form keeps what was typed", async ({ page }) => {
  await logIn(page, "jinan.official");
  await page.getByTestId("inbox-link").click();
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole("heading", { name: "消息" })).toBeVisible();
  // exact: the header's inbox link is named with its unread count ("… 条未读") too.
  await expect(page.getByRole("link", { name: "未读", exact: true })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: "通知设置" }).click();
  await expect(page).toHaveURL(/\/account\/notifications/);
  const form = page.getByTestId("notification-preferences");
  // Passes the browser's own check, not the server's: the server's message, and nothing lost.
  await form.getByLabel("接收邮件的地址").fill("official@jinan");
  await form.getByLabel("报告被退回").selectOption("DIGEST");
  await form.getByLabel("督办通知下发").selectOption("INBOX");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("请输入有效的邮箱地址。")).toBeVisible();
  await expect(form.getByLabel("接收邮件的地址")).toHaveValue("official@jinan");
  await expect(form.getByLabel("报告被退回")).toHaveValue("DIGEST");
  await expect(form.getByLabel("督办通知下发")).toHaveValue("INBOX");

  await form.getByLabel("接收邮件的地址").fill("official@jinan.example.cn");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("通知设置已保存。");
  await page.reload();
  await expect(form.getByLabel("接收邮件的地址")).toHaveValue("official@jinan.example.cn");
  await expect(form.getByLabel("报告被退回")).toHaveValue("DIGEST");
  await expect(form.getByLabel("督办通知下发")).toHaveValue("INBOX");
  await expect(form.getByLabel("报告缺报")).toHaveValue("MAIL");

  // Only admins see the job queue.
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { name: "后台任务" })).toHaveCount(0);
});

test("[NOTIFY]: an admin sees the job queue and sets a unit's group-robot webhook", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { name: "后台任务" })).toBeVisible();
  const jobs = page.getByTestId("jobs-table");
  await expect(jobs.getByText("dispatch-events")).toBeVisible();
  await expect(jobs.getByText("send-digest")).toBeVisible();

  await page.goto("/admin/units?q=jinan-drc");
  await page.getByRole("link", { name: "jinan-drc", exact: true }).click();
  const row = page.locator('[data-unit-code="jinan-drc"]');
  await row.getByLabel("群机器人 Webhook").fill("ftp://robot.example/send");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByText("请输入以 https:// 或 http:// 开头的网址。")).toBeVisible();
  await expect(row.getByLabel("群机器人 Webhook")).toHaveValue("ftp://robot.example/send");
  await row.getByLabel("群机器人 Webhook").fill("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("status")).toBeVisible();
  await page.reload();
  await expect(row.getByLabel("群机器人 Webhook")).toHaveValue("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo");
});
