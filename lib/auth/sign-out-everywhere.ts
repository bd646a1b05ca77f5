import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/create-client";
import { endAllSessions } from "./auth-session";
import type { SessionUser } from "./session-user";

/**
 * Ends every browser session of the user, this one included ("sign out
 * everywhere"). API tokens are not touched: they are listed and revoked on
 * their own page.
 */
export async function signOutEverywhere(db: PrismaClient, user: SessionUser, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await endAllSessions(tx, user.id, now);
    await recordAuditEvent(tx, { actorId: user.id, action: "user.signOutEverywhere", entityType: "User", entityId: user.id });
  });
}
