import Busboy from "busboy";
import { createHash, randomBytes } from "node:crypto";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import type { ObjectStore } from "@/lib/storage/object-store";
import { auditOf } from "./attachment-audit";
import { findWritableParent, parentWhere, type ParentRef } from "./attachment-parent";
import { TypeSniffer } from "./detect-type";
import { megabytes, type AttachmentLimits } from "./limits";
import { canThumbnail, makeThumbnail } from "./make-thumbnail";
import { safeFileName } from "./safe-file-name";
import { uploadFieldsSchema } from "./schemas";
import { logError } from "@/lib/observability/logger.mjs";

/** Where every attachment's bytes go in the store; the orphan cleanup lists this prefix. */
export const ATTACHMENT_PREFIX = "attachments/";

let receiving = 0;

/**
 * Receives one file (multipart: fields parentType and parentId first, then
 * "file") and attaches it. The body is streamed, never held whole: each chunk
 * is counted (over the limit: 413, at once), hashed and sniffed on its way to
 * the store under a random key. Only then is the row written, in a
 * transaction that locks the parent and checks again that it may still change
 * and has room. Whatever fails — limit, type, permission, a client that goes
 * away, the store — the stored bytes are deleted.
 */
export async function uploadAttachment(
  db: PrismaClient,
  store: ObjectStore,
  user: SessionUser,
  request: Request,
  limits: AttachmentLimits,
) {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) throw fieldError("file", "attachmentMissingFile");
  if (receiving >= limits.maxConcurrentUploads) throw new AppError("SERVER_BUSY");
  receiving++;
  try {
    return await receive(db, store, user, request, contentType, limits);
  } finally {
    receiving--;
  }
}

function receive(db: PrismaClient, store: ObjectStore, user: SessionUser, request: Request, contentType: string, limits: AttachmentLimits) {
  return new Promise<Awaited<ReturnType<typeof storeFile>>>((resolve, reject) => {
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({
        headers: { "content-type": contentType },
        defParamCharset: "utf8",
        limits: { fields: 10, fieldSize: 1024, files: 1, parts: 12 },
      });
    } catch {
      // A multipart Content-Type without a boundary (busboy throws at once): a bad request, not a 500 (found by the API fuzz suite).
      return reject(new AppError("BAD_REQUEST"));
    }
    const source = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
    const fields: Record<string, string> = {};
    let result: ReturnType<typeof storeFile> | null = null;
    const fail = (error: unknown) => {
      source.unpipe(busboy);
      source.resume(); // let the rest of the body drain while the answer goes out
      reject(error);
    };
    source.on("error", (error) => busboy.destroy(error));
    busboy.on("field", (name, value) => {
      fields[name] = value;
    });
    busboy.on("file", (name, file, info) => {
      if (result || name !== "file") return void file.resume();
      result = storeFile(db, store, user, file, info.filename, fields, limits);
      result.then(resolve, fail);
    });
    busboy.on("error", () => {
      if (!result) fail(new AppError("BAD_REQUEST"));
    });
    busboy.on("close", () => {
      if (!result) fail(fieldError("file", "attachmentMissingFile"));
    });
    source.pipe(busboy);
  });
}

async function storeFile(
  db: PrismaClient,
  store: ObjectStore,
  user: SessionUser,
  file: Readable,
  filename: string | undefined,
  fields: Record<string, string>,
  limits: AttachmentLimits,
) {
  let ref: ParentRef;
  try {
    ref = uploadFieldsSchema.parse(fields);
    // Before any byte is stored: refuse early what would be refused at the end.
    const parent = await findWritableParent(db, user, ref, false);
    await assertRoom(db, parent.columns, 0, limits);
  } catch (error) {
    file.resume();
    throw error;
  }

  const key = `${ATTACHMENT_PREFIX}${randomBytes(16).toString("hex")}`;
  const thumbnailKey = `${key}.thumb.webp`;
  const hash = createHash("sha256");
  const sniffer = new TypeSniffer();
  let size = 0;
  let sourceFailed = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limits.maxFileBytes) {
        return callback(new AppError("PAYLOAD_TOO_LARGE", {}, { file: { key: "attachmentTooLarge", values: { maxMb: megabytes(limits.maxFileBytes) } } }));
      }
      hash.update(chunk);
      sniffer.write(chunk);
      // Refuse at the first bytes what can never become allowed (only Office zips are decided at the end).
      if (size >= 64 && !sniffer.mayBecomeAllowed()) return callback(new AppError("UNSUPPORTED_FILE_TYPE"));
      callback(null, chunk);
    },
  });
  file.on("error", (error) => {
    sourceFailed = true;
    meter.destroy(error);
  });
  // The store's put sees the meter's errors; this keeps pipe() from rethrowing them as uncaught.
  meter.on("error", () => {});
  file.pipe(meter);

  let stored = false;
  try {
    try {
      stored = true;
      await store.put(key, meter, "application/octet-stream");
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The body broke off (the client went away, or a malformed form): nothing to tell anyone about.
      if (sourceFailed) throw new AppError("BAD_REQUEST");
      logError(error, "attachment store failed");
      throw new AppError("STORAGE_UNAVAILABLE");
    }
    const mimeType = sniffer.result();
    if (size === 0) throw fieldError("file", "attachmentMissingFile");
    if (!mimeType) throw new AppError("UNSUPPORTED_FILE_TYPE");
    const thumbnail = canThumbnail(mimeType) ? await makeThumbnail(await storing(() => store.get(key))) : null;
    if (thumbnail) await storing(() => store.put(thumbnailKey, Readable.from([thumbnail]), "image/webp"));

    return await db.$transaction(async (tx) => {
      const parent = await findWritableParent(tx, user, ref, true);
      await assertRoom(tx, parent.columns, size, limits);
      const attachment = await tx.attachment.create({
        data: {
          ...parent.columns,
          storageKey: key,
          thumbnailKey: thumbnail ? thumbnailKey : null,
          originalName: safeFileName(filename),
          mimeType,
          size,
          sha256: hash.digest("hex"),
          uploadedById: user.id,
        },
        include: { uploadedBy: { select: { displayName: true } } },
      });
      await recordAuditEvent(tx, auditOf("attachment.add", user, attachment));
      return attachment;
    });
  } catch (error) {
    file.resume();
    if (stored) await Promise.allSettled([store.delete(key), store.delete(thumbnailKey)]);
    throw error;
  }
}

/** A store call whose failure (the store down, mid-upload) is the user's STORAGE_UNAVAILABLE, not an internal error. */
async function storing<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error("Attachment store failed:", error);
    throw new AppError("STORAGE_UNAVAILABLE");
  }
}

type Reader = Pick<PrismaClient, "attachment">;

/** Room for `adding` more bytes among the parent's live files. */
async function assertRoom(db: Reader, columns: Parameters<typeof parentWhere>[0], adding: number, limits: AttachmentLimits) {
  const { _sum } = await db.attachment.aggregate({ where: parentWhere(columns), _sum: { size: true } });
  if ((_sum.size ?? 0) + adding > limits.maxParentBytes || (adding === 0 && (_sum.size ?? 0) >= limits.maxParentBytes)) {
    throw new AppError("PAYLOAD_TOO_LARGE", {}, { file: { key: "attachmentParentFull", values: { maxMb: megabytes(limits.maxParentBytes) } } });
  }
}
