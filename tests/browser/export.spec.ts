import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("[EXPORT]: the ledger view downloads as a CSV Excel opens with Chinese intact", async ({ page }) => {
  await logIn(page, "viewer", undefined, "/ledger?light=RED");
  const total = Number((await page.getByTestId("ledger-total").innerText()).match(/\d+/)![0]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("序号,编号,任务/措施,牵头单位,配合单位,责任人,完成时限,进展情况,存在问题,下步打算,完成比例,灯色,KPI,投资（万元）,数据性质");
  // One line per measure of the view (no field of a red measure spans lines in the demo data).
  expect(lines.length - 1).toBe(total);
  expect(lines.slice(1).every((line) => line.includes("红灯") && line.includes("示例数据"))).toBe(true);
});
