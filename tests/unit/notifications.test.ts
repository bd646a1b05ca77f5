import { describe, expect, it } from "vitest";
import { jobSettingsFromEnv } from "@/lib/jobs/job-settings";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { eventTypeLabel, notificationLink, renderEventText } from "@/lib/notifications/event-text";
import { mailSettingsFromEnv } from "@/lib/notifications/mail-settings";
import { webhookBody } from "@/lib/notifications/webhook";

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe("[NOTIFY] texts, links and settings", () => {
  it("every event type has a text and a label in both languages, with no placeholder left", () => {
    for (const type of EVENT_TYPES) {
      for (const locale of ["zh-CN", "en"] as const) {
        const text = renderEventText(locale, { type, measureCode: "2.1.3", payload: { title: "T", dueDate: "2026-12-31", days: 3, period: "2026-11", unit: "U", number: "N", light: "red", decision: "ok", level: "SPECIAL" } });
        expect(text, `${locale} ${type}`).toMatch(/^2\.1\.3 T/);
        expect(text).not.toMatch(/[{}]/);
        expect(eventTypeLabel(locale, type)).not.toBe(type);
      }
    }
  });

  it("a payload without values, or an unknown type, still gives a sentence", () => {
    expect(renderEventText("en", { type: "report.missing", measureCode: null, payload: null })).toContain("progress report was not submitted");
    expect(renderEventText("zh-CN", { type: "something.new", measureCode: "1.1", payload: {} })).toBe("1.1：有新的动态");
  });

  it("a notice's payload reads as its serial number, reply date and level, in each language", () => {
    const payload = { year: 2026, number: 12, level: "SUPERVISE", replyDueDate: "2026-12-10", measureCode: "2.1.3" };
    expect(renderEventText("zh-CN", { type: "notice.issued", measureCode: "2.1.3", payload: { ...payload, title: "起步区" } })).toBe("2.1.3 起步区：收到督办通知 督办〔2026〕12号，请于 2026-12-10 前书面回复");
    expect(renderEventText("en", { type: "notice.issued", measureCode: "2.1.3", payload: { ...payload, title: "Start area" } })).toBe(
      "2.1.3 Start area: Notice 2026/12 was issued to you; reply in writing by 2026-12-10",
    );
  });

  it("links lead to a notice's page, or to the measure page at the section of the entity", () => {
    expect(notificationLink({ entityType: "Notice", entityId: "n1", measureCode: "2.1.3" })).toBe("/notices/n1");
    expect(notificationLink({ entityType: "ProgressReport", entityId: "r1", measureCode: "1.1" })).toBe("/measures/1.1#reports");
    expect(notificationLink({ entityType: "Measure", entityId: "m1", measureCode: "1.1" })).toBe("/measures/1.1");
    expect(notificationLink({ entityType: "Milestone", entityId: "s1", measureCode: null })).toBe("/inbox");
    // A comment: on a report, that report's month; on the measure (or an older row without the month), the discussion.
    expect(notificationLink({ entityType: "Comment", entityId: "c1", measureCode: "1.1", payload: { reportId: "r1", reportPeriod: "2026-10" } })).toBe("/measures/1.1?period=2026-10");
    expect(notificationLink({ entityType: "Comment", entityId: "c1", measureCode: "1.1", payload: { reportId: null } })).toBe("/measures/1.1#discussion");
    expect(notificationLink({ entityType: "Comment", entityId: "c1", measureCode: "1.1", payload: { reportId: "r1" } })).toBe("/measures/1.1#discussion");
    expect(notificationLink({ entityType: "Comment", entityId: "c1", measureCode: "1.1", payload: { reportPeriod: "2026-10#x" } })).toBe("/measures/1.1#discussion");
  });

  it("mail is off unless SMTP_URL or SMTP_HOST is set", () => {
    expect(mailSettingsFromEnv(env({}))).toBeNull();
    expect(mailSettingsFromEnv(env({ SMTP_URL: "smtp://u:p@mail.example:587", SMTP_FROM: "a@b.cn" }))).toEqual({ transport: "smtp://u:p@mail.example:587", from: "a@b.cn" });
    expect(mailSettingsFromEnv(env({ SMTP_HOST: "mail.example", SMTP_USER: "u", SMTP_PASS: "p", SMTP_SECURE: "1", SMTP_PORT: "465" }))).toEqual({
      transport: { host: "mail.example", port: 465, secure: true, auth: { user: "u", pass: "p" } },
      from: "luoshi@localhost",
    });
    expect(() => mailSettingsFromEnv(env({ SMTP_HOST: "mail.example", SMTP_PORT: "x" }))).toThrow("SMTP_PORT");
  });

  it("the job settings: on by default, LUOSHI_JOBS=off turns them off, bad numbers are refused", () => {
    expect(jobSettingsFromEnv(env({}))).toEqual({ enabled: true, dispatchIntervalSeconds: 10, pool: 4, deliveryRetryLimit: 8, deliveryRetryDelaySeconds: 30 });
    expect(jobSettingsFromEnv(env({ LUOSHI_JOBS: "off" })).enabled).toBe(false);
    expect(() => jobSettingsFromEnv(env({ LUOSHI_DISPATCH_INTERVAL_SECONDS: "0" }))).toThrow("LUOSHI_DISPATCH_INTERVAL_SECONDS");
  });

  it("the webhook body is the group robots' text message", () => {
    expect(webhookBody("你好")).toEqual({ msgtype: "text", text: { content: "你好" } });
  });
});
