import type { Readable } from "node:stream";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { StorageNotFoundError, type ObjectStore } from "@/lib/storage/object-store";
import { auditOf } from "./attachment-audit";
import { attachmentWhereFor } from "./attachment-where";
import { logError } from "@/lib/observability/logger.mjs";

/**
 * A file the user may open, with its bytes as a stream: the original, whose
 * opening is audited, or its thumbnail (not audited: a list shows many).
 * NOT_FOUND alike for a missing file and one the user may not see.
 */
export async function openAttachment(db: PrismaClient, store: ObjectStore, user: SessionUser, id: string, variant: "original" | "thumbnail") {
  const attachment = await db.attachment.findFirst({ where: { AND: [attachmentWhereFor(user), { id }] } });
  if (!attachment) throw new AppError("NOT_FOUND");
  const key = variant === "original" ? attachment.storageKey : attachment.thumbnailKey;
  if (!key) throw new AppError("NOT_FOUND");
  const body = await readStored(store, key);
  if (variant === "original") {
    await db.$transaction((tx) => recordAuditEvent(tx, auditOf("attachment.download", user, attachment))).catch((error) => {
      body.destroy();
      throw error;
    });
  }
  return { attachment, body };
}

async function readStored(store: ObjectStore, key: string): Promise<Readable> {
  try {
    return await store.get(key);
  } catch (error) {
    if (error instanceof StorageNotFoundError) throw new AppError("NOT_FOUND");
    logError(error, "attachment store failed");
    throw new AppError("STORAGE_UNAVAILABLE");
  }
}
