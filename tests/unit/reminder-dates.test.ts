import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors/map-error";
import { missingSlot, reportReminderDay } from "@/lib/reminders/report-dates";
import { reminderSettingsSchema } from "@/lib/reminders/settings";
import { reportingDeadline } from "@/lib/tracking/dates";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const settings = { reportDueDays: 3, missingRepeatDays: 3 };

describe("[REMINDERS] the report rule of a day", () => {
  it("the reporting day of a month, also in February of a leap year", () => {
    expect(reportingDeadline(day("2028-02-01"), 28)).toEqual(day("2028-02-28"));
    expect(reportingDeadline(day("2026-12-01"), 1)).toEqual(day("2026-12-01"));
  });

  it("before the window: nothing; within it: due soon with the days left; on the day: due today", () => {
    expect(reportReminderDay(day("2028-02-24"), 28, settings)).toMatchObject({ kind: "none", period: "2028-02" });
    expect(reportReminderDay(day("2028-02-25"), 28, settings)).toMatchObject({ kind: "dueSoon", period: "2028-02", daysLeft: 3 });
    expect(reportReminderDay(day("2028-02-27"), 28, settings)).toMatchObject({ kind: "dueSoon", daysLeft: 1 });
    expect(reportReminderDay(day("2028-02-28"), 28, settings)).toEqual({ kind: "dueToday", period: "2028-02", deadline: day("2028-02-28") });
  });

  it("after the day: missing, slot 0 on the leap day, and a month end in its slot", () => {
    expect(reportReminderDay(day("2028-02-29"), 28, settings)).toMatchObject({ kind: "missing", daysLate: 1, slot: 0 });
    expect(reportReminderDay(day("2026-12-31"), 28, settings)).toMatchObject({ kind: "missing", period: "2026-12", daysLate: 3, slot: 0 });
    expect(reportReminderDay(day("2026-12-31"), 10, settings)).toMatchObject({ kind: "missing", daysLate: 21, slot: 6 });
  });

  it("a new month is a new period: the 1st is before its reporting day", () => {
    expect(reportReminderDay(day("2028-03-01"), 28, settings)).toMatchObject({ kind: "none", period: "2028-03" });
    expect(reportReminderDay(day("2027-01-01"), 1, settings)).toMatchObject({ kind: "dueToday", period: "2027-01" });
    expect(reportReminderDay(day("2027-01-01"), 4, settings)).toMatchObject({ kind: "dueSoon", daysLeft: 3 });
  });

  it("no window: only the day itself", () => {
    expect(reportReminderDay(day("2028-02-27"), 28, { reportDueDays: 0, missingRepeatDays: 1 })).toMatchObject({ kind: "none" });
  });

  it("repeat slots every K days from the day after the deadline", () => {
    expect([1, 2, 3, 4, 6, 7].map((late) => missingSlot(late, 3))).toEqual([0, 0, 0, 1, 1, 2]);
    expect([1, 2, 3].map((late) => missingSlot(late, 1))).toEqual([0, 1, 2]);
  });
});

describe("[REMINDERS] the settings' validation", () => {
  const parse = (form: Record<string, unknown>) => reminderSettingsSchema.safeParse({ reportDueDays: "3", milestoneDueDays: "7", missingRepeatDays: "3", ...form });
  it("reads whole numbers in range, from the form or as stored", () => {
    expect(parse({ reportDueDays: " 0 ", missingRepeatDays: 31 })).toMatchObject({ success: true, data: { reportDueDays: 0, milestoneDueDays: 7, missingRepeatDays: 31 } });
  });
  it.each([
    ["missingRepeatDays", "0", 1, 31],
    ["missingRepeatDays", "", 1, 31],
    ["reportDueDays", "28", 0, 27],
    ["milestoneDueDays", "2.5", 0, 90],
    ["milestoneDueDays", "abc", 0, 90],
  ])("refuses %s = %j with the range message on that field", (field, value, min, max) => {
    const result = parse({ [field]: value });
    expect(result.success).toBe(false);
    expect(zodFieldErrors(result.error!, reminderSettingsSchema)).toEqual({ [field]: { key: "wholeNumberBetween", values: { min, max } } });
  });
});
