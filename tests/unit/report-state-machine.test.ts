import { describe, expect, it } from "vitest";
import type { ReportState, Role } from "@/generated/prisma/enums";
import { roles } from "@/lib/auth/permissions";
import { nextReportState, reportEvents, type ReportEvent } from "@/lib/reports/report-state-machine";

const states: (ReportState | null)[] = [null, "DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];

// The expected machine, written out by hand from the issue (not derived from the code).
const expected: Record<ReportEvent, { roles: Role[]; moves: Partial<Record<string, ReportState>> }> = {
  save: { roles: ["OFFICIAL"], moves: { none: "DRAFT", DRAFT: "DRAFT", RETURNED: "DRAFT" } },
  submit: { roles: ["OFFICIAL"], moves: { none: "SUBMITTED", DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" } },
  approve: { roles: ["LEADER", "INSPECTOR"], moves: { SUBMITTED: "APPROVED" } },
  return: { roles: ["LEADER", "INSPECTOR"], moves: { SUBMITTED: "RETURNED" } },
  submitOnBehalf: { roles: ["INSPECTOR"], moves: { none: "SUBMITTED", DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" } },
};

const cases = reportEvents.flatMap((event) =>
  roles.flatMap((role) => states.map((state) => ({ event, role, state: state ?? "none" }))),
);

describe("[REPORT] state machine: every transition × role", () => {
  it.each(cases)("$event by $role from $state", ({ event, role, state }) => {
    const from = state === "none" ? null : (state as ReportState);
    const rule = expected[event];
    const attempt = () => nextReportState(from, event, role);
    if (!rule.roles.includes(role)) {
      expect(attempt).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    } else if (rule.moves[state]) {
      expect(attempt()).toBe(rule.moves[state]);
    } else {
      expect(attempt).toThrow(expect.objectContaining({ code: "INVALID_STATE" }));
    }
  });

  it("approved is final: nothing moves it", () => {
    for (const event of reportEvents) {
      for (const role of roles) expect(() => nextReportState("APPROVED", event, role)).toThrow();
    }
  });
});
