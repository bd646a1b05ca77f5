/**
 * Every kind of event that can reach a person (inbox, mail, webhook). Emitters use
 * these names; the dispatcher, the preferences page and the message files key on them.
 */
export const EVENT_TYPES = [
  "report.dueSoon",
  "report.dueToday",
  "report.missing",
  "report.returned",
  "report.submitted",
  "milestone.dueSoon",
  "milestone.overdue",
  "measure.dueSoon",
  "measure.overdue",
  "measure.lightChanged",
  "extension.requested",
  "extension.decided",
  "notice.issued",
  "notice.replied",
  "notice.accepted",
  "notice.returned",
  "notice.escalated",
  "comment.mention",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
