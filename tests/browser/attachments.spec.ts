import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { logIn } from "./helpers";

/** The "本单位填报" section of a measure page. */
const slot = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { name: "本单位填报", exact: true }) });

const photo = (color: string) => sharp({ create: { width: 800, height: 600, channels: 3, background: color } }).jpeg().toBuffer();
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("[ATTACHMENTS]: an official attaches two photos and a PDF to a report never saved, and submits; the inspector opens them before approving", async ({ browser }) => {
  test.setTimeout(180_000);
  const official = await browser.newPage();
  await logIn(official, "jinan.official");
  // 1.1 is led by jinan.official's unit and has no sample report this month (2.5.1 is the measure page spec's).
  const code = "1.1";
  await official.goto(`/measures/${code}?tab=reports`);
  const form = official.getByTestId("report-form");
  const uploader = slot(official).getByTestId("attachment-uploader");
  // No saved draft yet: adding a file saves the form first, with the save button's validation.
  await expect(slot(official)).toContainText("添加附件时将先保存本期报告草稿，再上传文件。");
  await form.getByLabel("完成比例（%）").fill("45");
  await uploader.getByLabel("添加附件").setInputFiles({ name: "现场照片一.jpg", mimeType: "image/jpeg", buffer: await photo("#b91c1c") });
  // Progress left blank: the form is refused where it always is, and nothing is uploaded.
  await expect(form.getByText("必填。")).toBeVisible();
  await expect(uploader.getByRole("alert")).toContainText("草稿未能保存，文件未上传");
  await expect(form.getByLabel("完成比例（%）")).toHaveValue("45");

  await form.getByLabel("进展情况").fill("浏览器测试：现场照片与验收报告见附件。");
  await uploader.getByLabel("添加附件").setInputFiles({ name: "现场照片一.jpg", mimeType: "image/jpeg", buffer: await photo("#b91c1c") });
  await expect(form.getByRole("status").filter({ hasText: "草稿已保存。" })).toBeVisible();
  const files = slot(official).getByTestId("attachment-list").getByRole("listitem");
  await expect(files).toHaveCount(1);

  // After a reload the draft is there with what was typed, and its file (one draft, not two).
  await official.reload();
  await expect(form.getByLabel("进展情况")).toHaveValue("浏览器测试：现场照片与验收报告见附件。");
  await expect(form.getByLabel("完成比例（%）")).toHaveValue("45");
  await expect(files).toHaveCount(1);
  await expect(files.filter({ hasText: "现场照片一.jpg" }).locator("img")).toBeVisible();

  // A renamed executable is refused, whatever its name says.
  await uploader.getByLabel("添加附件").setInputFiles({ name: "验收报告.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048)]) });
  await expect(uploader.getByRole("alert")).toContainText("不支持此类文件");

  await uploader.getByLabel("添加附件").setInputFiles([
    { name: "现场照片二.jpg", mimeType: "image/jpeg", buffer: await photo("#1d4ed8") },
    { name: "验收报告.pdf", mimeType: "application/pdf", buffer: pdf },
  ]);
  await expect(files).toHaveCount(3);
  await expect(files.filter({ hasText: "现场照片一.jpg" }).locator("img")).toBeVisible();

  await form.getByRole("button", { name: "报送" }).click();
  await expect(slot(official).getByRole("note")).toHaveText("本期报告已报送，等待审核。");

  // The inspector opens the report in the review queue's panel: the evidence is there.
  const inspector = await browser.newPage();
  await logIn(inspector, "inspector", undefined, `/reviews?q=${code}`);
  // The report row's button starts with the code itself ("1.1 …", not "2.1.1 …").
  await inspector.locator("tr[data-kind=report]").getByRole("button", { name: new RegExp(`^${code.replaceAll(".", "\\.")} `) }).first().click();
  const panel = inspector.getByTestId("review-panel");
  const evidence = panel.getByTestId("review-attachments").getByRole("listitem");
  await expect(evidence).toHaveCount(3);

  // A photo opens in the viewer at full size.
  await evidence.filter({ hasText: "现场照片二.jpg" }).getByRole("button", { name: "打开 现场照片二.jpg" }).click();
  const viewer = inspector.getByTestId("image-viewer");
  await expect(viewer.getByRole("img", { name: "现场照片二.jpg" })).toBeVisible();
  expect(await viewer.getByRole("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(800);
  await viewer.getByRole("button", { name: "关闭" }).click();
  await expect(viewer).toHaveCount(0);

  // The PDF opens in a new tab, served as a PDF.
  const link = evidence.filter({ hasText: "验收报告.pdf" }).getByRole("link", { name: "验收报告.pdf" });
  await expect(link).toHaveAttribute("target", "_blank");
  const response = await inspector.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");

  await panel.getByRole("button", { name: "审核通过" }).click();
  await expect(inspector.getByRole("status").filter({ hasText: "已审核通过" })).toBeVisible();

  // The approved report keeps its evidence on the measure page, grouped in the attachments tab.
  await inspector.goto(`/measures/${code}?tab=attachments`);
  await expect(inspector.getByTestId("measure-attachments").getByRole("listitem")).toHaveCount(3);
});
