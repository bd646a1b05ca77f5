import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodFieldErrors } from "@/lib/errors/map-error";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import { trackingSettingsSchema } from "@/lib/tracking/settings";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/** The message a field shows, as the form shows it (components/forms/field.tsx). */
function shown(messages: typeof zh, schema: z.ZodType, input: unknown, field: string) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const error = zodFieldErrors(result.error!, schema)[field]!;
  const t = createTranslator({ locale: messages === zh ? "zh-CN" : "en", messages, namespace: "fieldErrors" });
  return t(error.key as "required", error.values ?? {});
}

const settings = { reportingDay: "28", paceMarginPercent: "10", dueSoonDays: "30" };

describe("[FORMS] a number out of range names the range", () => {
  it.each([
    ["reportingDay", "29", "请输入 1–28 之间的整数。", "Enter a whole number from 1 to 28."],
    ["reportingDay", "0", "请输入 1–28 之间的整数。", "Enter a whole number from 1 to 28."],
    ["paceMarginPercent", "51", "请输入 0–50 之间的整数。", "Enter a whole number from 0 to 50."],
    ["paceMarginPercent", "2.5", "请输入 0–50 之间的整数。", "Enter a whole number from 0 to 50."],
    ["dueSoonDays", "abc", "请输入 1–365 之间的整数。", "Enter a whole number from 1 to 365."],
  ])("settings %s = %j", (field, value, zhText, enText) => {
    expect(shown(zh, trackingSettingsSchema, { ...settings, [field]: value }, field)).toBe(zhText);
    expect(shown(en, trackingSettingsSchema, { ...settings, [field]: value }, field)).toBe(enText);
  });

  it("the report's percent complete: 0–100 (from the schema the report form uses)", () => {
    const field = saveReportInputSchema.safeParse({ percentComplete: "120" });
    expect(field.success).toBe(false);
    expect(zodFieldErrors(field.error!, saveReportInputSchema).percentComplete).toEqual({ key: "wholeNumberBetween", values: { min: 0, max: 100 } });
  });

  it("a number that is not whole, with bounds through optional, default and preprocess", () => {
    const schema = z.object({
      share: z.coerce.number().min(0).max(1).optional(),
      days: z.preprocess((value) => value, z.coerce.number().int().min(2).max(9)).default(3),
    });
    expect(shown(zh, schema, { share: "1.5" }, "share")).toBe("须在 0–1 之间。");
    expect(shown(en, schema, { share: "-1" }, "share")).toBe("Must be between 0 and 1.");
    expect(shown(zh, schema, { days: "10" }, "days")).toBe("请输入 2–9 之间的整数。");
  });

  it("one bound only, and without the schema: the bound the issue carries", () => {
    const schema = z.object({ amount: z.coerce.number().min(0) });
    expect(shown(zh, schema, { amount: "-3" }, "amount")).toBe("不能小于 0。");
    const result = z.object({ n: z.number().max(5) }).safeParse({ n: 6 });
    expect(zodFieldErrors(result.error!)).toEqual({ n: { key: "numberAtMost", values: { max: 5 } } });
  });

  it("a schema's own message key wins over the generic range", () => {
    const schema = z.object({ weight: z.coerce.number().min(0, "scoreRange").max(100, "scoreRange") });
    expect(zodFieldErrors(schema.safeParse({ weight: "150" }).error!, schema)).toEqual({ weight: { key: "scoreRange" } });
  });
});
