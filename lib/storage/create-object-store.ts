import path from "node:path";
import { createDiskStore } from "./disk-store";
import type { ObjectStore } from "./object-store";
import { createS3Store } from "./s3-store";

type Env = Record<string, string | undefined>;

/**
 * The store chosen by the environment (docs/attachments.md):
 * LUOSHI_STORAGE=s3 with S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE; otherwise a directory on disk,
 * LUOSHI_ATTACHMENTS_DIR or `<LUOSHI_DATA_DIR or ./data>/attachments` — next to
 * the embedded database that scripts/start.mjs keeps in the same data directory.
 */
export function createObjectStore(env: Env = process.env): ObjectStore {
  if ((env.LUOSHI_STORAGE ?? "disk").toLowerCase() === "s3") {
    if (!env.S3_BUCKET) throw new Error("LUOSHI_STORAGE=s3 needs S3_BUCKET");
    return createS3Store({
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || "us-east-1",
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: (env.S3_FORCE_PATH_STYLE ?? "true") !== "false",
    });
  }
  return createDiskStore(attachmentsDir(env));
}

export function attachmentsDir(env: Env = process.env): string {
  if (env.LUOSHI_ATTACHMENTS_DIR) return path.resolve(env.LUOSHI_ATTACHMENTS_DIR);
  return path.resolve(env.LUOSHI_DATA_DIR ?? path.join(process.cwd(), "data"), "attachments");
}

let shared: ObjectStore | undefined;

/** The process's store, made on first use; tests replace it with setObjectStore. */
export function objectStore(): ObjectStore {
  shared ??= createObjectStore();
  return shared;
}

export function setObjectStore(store: ObjectStore | undefined): void {
  shared = store;
}
