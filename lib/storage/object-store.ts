import type { Readable } from "node:stream";

/**
 * Where attachment bytes live, apart from the database: a directory on disk or
 * an S3-compatible bucket (lib/storage/create-object-store.ts chooses by env).
 * Keys are opaque, random names chosen by the caller (never a user's file name).
 */
export interface ObjectStore {
  /** Stores the stream under the key; rejects (and leaves nothing) when the stream errors. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The stored bytes as a stream; rejects with StorageNotFoundError when there is no such key. */
  get(key: string): Promise<Readable>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every key starting with the prefix, with when it was stored (for the orphan cleanup). */
  list(prefix: string): Promise<StoredObject[]>;
}

export interface StoredObject {
  key: string;
  storedAt: Date;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
    this.name = "StorageNotFoundError";
  }
}

/** Keys are ours (random hex in folders), so anything else is a bug or an attack: refuse it. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9/_.-]{0,200}$/i.test(key) || key.includes("..") || key.includes("//")) {
    throw new Error(`Unsafe storage key: ${key}`);
  }
}
