import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import type { RevokeApiTokenInput } from "./schemas";

/** Revokes one of the user's own tokens; another user's token is NOT_FOUND, as if it did not exist. */
export async function revokeApiToken(db: PrismaClient, user: SessionUser, input: RevokeApiTokenInput) {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: user.id } });
    if (!token) throw new AppError("NOT_FOUND");
    const revoked = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new AppError("INVALID_STATE");
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      after: { name: token.name, prefix: token.prefix },
    });
  });
}
