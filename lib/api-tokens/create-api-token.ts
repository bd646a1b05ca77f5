import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import { addDays, isoDate, isoDay, todayInChina } from "@/lib/tracking/dates";
import type { CreateApiTokenInput } from "./schemas";
import { generateApiToken } from "./token-secret";

/** The instant a token valid through `expiresOn` (a calendar day in China) stops working. */
export function tokenExpiry(expiresOn: string): Date {
  return new Date(`${isoDay(addDays(isoDate(expiresOn), 1))}T00:00:00+08:00`);
}

/**
 * Creates a personal API token for the user. The secret is returned once and
 * never stored: the database keeps its SHA-256 and a short prefix.
 */
export async function createApiToken(db: PrismaClient, user: SessionUser, input: CreateApiTokenInput, now = new Date()) {
  if (input.expiresOn && isoDate(input.expiresOn) < todayInChina(now)) throw fieldError("expiresOn", "dateInPast");
  const { token, prefix, tokenHash } = generateApiToken();
  const expiresAt = input.expiresOn ? tokenExpiry(input.expiresOn) : null;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId: user.id, name: input.name, prefix, tokenHash, expiresAt } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: input.name, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { id: created.id, token, prefix };
}
