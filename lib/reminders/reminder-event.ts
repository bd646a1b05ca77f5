import type { Role } from "@/generated/prisma/enums";
import type { DomainEventInput } from "@/lib/events/emit-event";
import type { EventType } from "@/lib/events/event-types";

/** What the rule queries select: one candidate event, its key already computed in SQL. */
export interface CandidateRow {
  key: string;
  measureId: string;
  entityType: string;
  entityId: string;
  code: string;
  titleZh: string;
  titleEn: string;
  leadUnitId: string;
  unitActive: boolean;
}

/**
 * A candidate row as a DomainEvent. The lead unit hears of it only when the unit
 * is active (a disabled unit has no one to remind); `roles` are added as given.
 */
export type KeyedEvent = DomainEventInput & { key: string };

export function toReminderEvent(type: EventType, row: CandidateRow, roles: Role[], payload: Record<string, string | number | null>): KeyedEvent {
  return {
    type,
    key: row.key,
    measureId: row.measureId,
    entityType: row.entityType,
    entityId: row.entityId,
    audienceUnitIds: row.unitActive ? [row.leadUnitId] : [],
    audienceRoles: roles,
    payload: { code: row.code, titleZh: row.titleZh, titleEn: row.titleEn, ...payload },
  };
}

/** Measures under way: the only ones reminders speak of (completed and suspended measures get none). */
export const UNDER_WAY = ["NOT_STARTED", "IN_PROGRESS"] as const;
