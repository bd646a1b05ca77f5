import { randomUUID } from "node:crypto";
import type { Prisma, Role } from "@/generated/prisma/client";
import type { EventType } from "./event-types";

export interface DomainEventInput {
  type: EventType;
  /** Idempotency key for happenings found by a scheduled rule (same key = same event); omitted = a fresh one. */
  key?: string;
  measureId?: string | null;
  audienceUnitIds?: string[];
  audienceUserIds?: string[];
  audienceRoles?: Role[];
  actorId?: string | null;
  entityType: string;
  entityId: string;
  payload?: Prisma.InputJsonValue;
}

/**
 * Records an event in the outbox. Pass the transaction of the change, so the event
 * exists exactly when the change does. Returns false when an event with the same key
 * was already recorded (a rule run twice emits once).
 */
export async function emitEvent(tx: Prisma.TransactionClient, event: DomainEventInput): Promise<boolean> {
  const created = await tx.domainEvent.createMany({
    data: [domainEventRow(event)],
    skipDuplicates: true,
  });
  return created.count === 1;
}

/** Records many events in one statement; returns how many were new. */
export async function emitEvents(tx: Prisma.TransactionClient, events: DomainEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const created = await tx.domainEvent.createMany({ data: events.map(domainEventRow), skipDuplicates: true });
  return created.count;
}

/** The outbox row of an event (also written in bulk by lib/reminders/record-events.ts). */
export function domainEventRow(event: DomainEventInput): Prisma.DomainEventCreateManyInput {
  return {
    key: event.key ?? `${event.type}:${event.entityId}:${randomUUID()}`,
    type: event.type,
    measureId: event.measureId ?? null,
    audienceUnitIds: event.audienceUnitIds ?? [],
    audienceUserIds: event.audienceUserIds ?? [],
    audienceRoles: event.audienceRoles ?? [],
    actorId: event.actorId ?? null,
    entityType: event.entityType,
    entityId: event.entityId,
    payload: event.payload ?? {},
  };
}
