import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction } from "./audit-actions";

export interface AuditEventInput {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Writes an audit event; pass the transaction of the change so both commit or neither. */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: event });
}

/** Writes many audit events in one statement (bulk changes such as an import), in the change's transaction. */
export async function recordAuditEvents(tx: Prisma.TransactionClient, events: AuditEventInput[]): Promise<void> {
  if (events.length > 0) await tx.auditEvent.createMany({ data: events });
}
