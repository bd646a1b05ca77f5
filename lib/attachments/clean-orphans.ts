import type { PrismaClient } from "@/lib/db/create-client";
import type { ObjectStore } from "@/lib/storage/object-store";
import { ATTACHMENT_PREFIX } from "./upload-attachment";

/** A stored object without a row gets this long: an upload in progress writes its row only at the end. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/**
 * Deletes stored objects that no attachment row names (as file or thumbnail)
 * and that are older than an hour: what an upload left when its process died
 * between storing and writing the row (a failing upload deletes its own), a
 * disk store's `.partial` files, and files of measures deleted since.
 * Removed (soft-deleted) attachments keep their bytes. Idempotent.
 */
export async function cleanOrphanAttachments(db: PrismaClient, store: ObjectStore, now: Date) {
  const stored = await store.list(ATTACHMENT_PREFIX);
  const old = stored.filter((item) => now.getTime() - item.storedAt.getTime() > ORPHAN_AGE_MS).map((item) => item.key);
  let deleted = 0;
  for (let start = 0; start < old.length; start += 500) {
    const keys = old.slice(start, start + 500);
    const rows = await db.attachment.findMany({
      where: { OR: [{ storageKey: { in: keys } }, { thumbnailKey: { in: keys } }] },
      select: { storageKey: true, thumbnailKey: true },
    });
    const known = new Set(rows.flatMap((row) => [row.storageKey, row.thumbnailKey]));
    for (const key of keys.filter((key) => !known.has(key))) {
      await store.delete(key);
      deleted++;
    }
  }
  return { deleted };
}
