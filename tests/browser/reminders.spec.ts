import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[REMINDERS]: an admin sets the reminder rules; a bad value is refused on its field and kept", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/admin/settings");
  const form = page.getByTestId("reminder-settings-form");
  const repeat = form.getByLabel("逾期未报重复提醒间隔天数（1–31）");
  const before = form.getByLabel("报送截止前提前提醒天数（0–27）");
  await expect(repeat).toHaveValue("3");

  await before.fill("5");
  await repeat.fill("0");
  await form.getByRole("button", { name: "保存提醒规则" }).click();
  await expect(form.getByText("请输入 1–31 之间的整数。")).toHaveCount(1);
  await expect(repeat).toHaveAttribute("aria-invalid", "true");
  await expect(repeat).toHaveValue("0");
  await expect(before).toHaveValue("5");

  await repeat.fill("7");
  await form.getByRole("button", { name: "保存提醒规则" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  await page.reload();
  await expect(page.getByTestId("reminder-settings-form").getByLabel("逾期未报重复提醒间隔天数（1–31）")).toHaveValue("7");
  await expect(page.getByTestId("reminder-settings-form").getByLabel("报送截止前提前提醒天数（0–27）")).toHaveValue("5");
});
