import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

const catalogues = { "zh-CN": zhCN, en } as const;

/** What the text of a notification is made from (a Notification row, or an event being dispatched). */
export interface EventTextSource {
  type: string;
  measureCode: string | null;
  payload: unknown;
}

/** Placeholders the event texts may use; a payload without one gets an empty value. */
const placeholders = ["measure", "title", "period", "dueDate", "days", "level", "light", "decision", "unit", "number", "by"] as const;

/** The message key of an event type ("report.dueSoon" → "report_dueSoon"). */
export const eventMessageKey = (type: string) => type.replace(/\./g, "_");

/**
 * One line of text for an event, from its type and payload, in the given language.
 * Used by the inbox, the mails and the webhook, so they all say the same thing.
 */
export function renderEventText(locale: Locale, source: EventTextSource): string {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "notifications.events" });
  const payload = source.payload && typeof source.payload === "object" ? (source.payload as Record<string, unknown>) : {};
  const values: Record<string, string> = Object.fromEntries(placeholders.map((name) => [name, ""]));
  for (const name of placeholders) {
    const value = payload[name];
    if (typeof value === "string" || typeof value === "number") values[name] = String(value);
  }
  values.measure = source.measureCode ?? (typeof payload.measureCode === "string" ? payload.measureCode : "");
  Object.assign(values, noticeValues(locale, payload, values));
  if (!values.title && typeof payload.measureTitle === "string") values.title = payload.measureTitle;
  const key = eventMessageKey(source.type);
  const text: string = t.has(key as never) ? t(key as never, values as never) : t("unknown" as never, values as never);
  // An empty value leaves a gap ("1.1 ：…"): close it.
  return text.replace(/ +([：:，,])/g, "$1").replace(/ {2,}/g, " ").trim();
}

/** A notice's payload (lib/notices/notice-core.ts) as text: its serial number, reply date and level in words. */
function noticeValues(locale: Locale, payload: Record<string, unknown>, values: Record<string, string>): Record<string, string> {
  if (typeof payload.year !== "number" || typeof payload.number !== "number") return {};
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "notices" });
  const level = typeof payload.level === "string" && t.has(`levels.${payload.level}` as never) ? t(`levels.${payload.level}` as never) : values.level;
  const dueDate = values.dueDate || (typeof payload.replyDueDate === "string" ? payload.replyDueDate : "");
  return { number: t("label", { year: payload.year, number: payload.number }), dueDate, level: level ?? "" };
}

/** The event type's name as shown on the preferences page and in digests. */
export function eventTypeLabel(locale: Locale, type: string): string {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "notifications.types" });
  const key = eventMessageKey(type);
  return t.has(key as never) ? t(key as never) : type;
}

/**
 * Where a notification leads: the one place that turns an entity into a link.
 * A notice opens its own page; everything else about a measure (reports,
 * milestones, extensions) opens the measure page at the section of that kind;
 * a comment on a report opens that report's month (its payload's
 * `reportPeriod`, lib/comments/mentions.ts), where the report's comments are
 * shown, as My work does; a comment on the measure, the discussion tab; other
 * things open the inbox.
 */
export function notificationLink(source: { entityType: string; entityId: string; measureCode: string | null; payload?: unknown }): string {
  // A notice has a page of its own, where it is replied to and decided.
  if (source.entityType === "Notice") return `/notices/${encodeURIComponent(source.entityId)}`;
  if (!source.measureCode) return "/inbox";
  const base = `/measures/${encodeURIComponent(source.measureCode)}`;
  if (source.entityType === "Comment") {
    const period = reportPeriodOf(source.payload);
    return period ? `${base}?period=${period}` : `${base}#discussion`;
  }
  const anchors: Record<string, string> = {
    ProgressReport: "#reports",
    Milestone: "#milestones",
    ExtensionRequest: "#extensions",
  };
  return base + (anchors[source.entityType] ?? "");
}

/** A payload's report month, only when it is one ("YYYY-MM"): it goes into a URL. */
function reportPeriodOf(payload: unknown): string | null {
  const value = payload && typeof payload === "object" ? (payload as Record<string, unknown>).reportPeriod : undefined;
  return typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}
