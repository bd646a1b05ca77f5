import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { setObjectStore } from "@/lib/storage/create-object-store";
import { createDiskStore } from "@/lib/storage/disk-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { seedAttachment } from "./fixtures";

/** A Prisma client on this project's migrated test database. */
export function testDb() {
  return createPrismaClient(inject("databaseUrl"));
}

/** The fixed "today" of the seeded sample data in tests. */
export const SEED_NOW = new Date("2026-11-28T04:00:00Z");

/** A store in a fresh temporary directory, made the process's store (what the routes use); `remove` undoes both. */
export function tempDiskStore(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = createDiskStore(dir);
  setObjectStore(store);
  return {
    dir,
    store,
    remove() {
      setObjectStore(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type UploadParent = { parentType: string; parentId: string };
const UPLOAD_BASE = "http://localhost:3000";
/** The headers of a same-site browser request to the API (the CSRF check wants the Origin). */
export const sameSiteHeaders = { host: "localhost:3000", origin: UPLOAD_BASE };

/** The multipart body of an upload: the parent's fields first, then the file. */
export function uploadForm(parent: UploadParent, bytes: Buffer, name: string) {
  const form = new FormData();
  form.set("parentType", parent.parentType);
  form.set("parentId", parent.parentId);
  form.set("file", new Blob([new Uint8Array(bytes)]), name);
  return form;
}

/** Uploads one file through the API route (POST /api/v1/attachments) as the signed-in user. */
export async function uploadFile(parent: UploadParent, bytes: Buffer, name = "photo.jpg") {
  // Imported here, not at the top: most db tests use this file and never the route.
  const { POST } = await import("@/app/api/v1/attachments/route");
  const request = new NextRequest(`${UPLOAD_BASE}/api/v1/attachments`, { method: "POST", headers: sameSiteHeaders, body: uploadForm(parent, bytes, name) });
  return POST(request, { params: Promise.resolve({}) });
}

/** A file row with its bytes in the store (without the upload's checks): for tests that read files. */
export async function storedAttachment(
  db: PrismaClient,
  store: ObjectStore,
  parent: Parameters<typeof seedAttachment>[1],
  uploadedById: string,
  name: string,
  bytes: Buffer,
  extra: Parameters<typeof seedAttachment>[4] = {},
) {
  const row = await seedAttachment(db, parent, uploadedById, name, { size: bytes.length, ...extra });
  await store.put(row.storageKey, Readable.from([bytes]), row.mimeType);
  return row;
}
