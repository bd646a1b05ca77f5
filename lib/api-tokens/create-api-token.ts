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
 * How many days a token made without an expiry date works
 * (LUOSHI_API_TOKEN_DAYS, default 90).
 */
export function defaultApiTokenDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.LUOSHI_API_TOKEN_DAYS?.trim();
  if (!raw) return 90;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(days) || days < 1) {
    throw new Error(`LUOSHI_API_TOKEN_DAYS must be a whole number of at least 1 (got "${raw}")`);
  }
  return days;
}

/**
 * Creates a personal API token for the user, with the scope asked for (READ
 * by default) and an expiry (the default lifetime when no date is given). The secret is returned once and
 * never stored: the database keeps its SHA-256 and a short prefix.
 */
export async function createApiToken(
  db: PrismaClient,
  user: SessionUser,
  input: Omit<CreateApiTokenInput, "scope"> & { scope?: CreateApiTokenInput["scope"] },
  now = new Date(),
) {
  if (input.expiresOn && isoDate(input.expiresOn) < todayInChina(now)) throw fieldError("expiresOn", "dateInPast");
  const { token, prefix, tokenHash } = generateApiToken();
  const expiresAt = input.expiresOn ? tokenExpiry(input.expiresOn) : new Date(now.getTime() + defaultApiTokenDays() * 86_400_000);
  const scope = input.scope ?? "READ";
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId: user.id, name: input.name, prefix, tokenHash, expiresAt, scope } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: input.name, prefix, scope, expiresAt: expiresAt.toISOString() },
    });
    return row;
  });
  return { id: created.id, token, prefix };
}
