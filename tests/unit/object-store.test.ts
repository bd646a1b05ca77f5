import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskStore } from "@/lib/storage/disk-store";
import { StorageNotFoundError, type ObjectStore } from "@/lib/storage/object-store";
import { createObjectStore } from "@/lib/storage/create-object-store";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-store-"));
let s3rver: { run(): Promise<{ port: number }>; close(): Promise<void> };
let s3Store: ObjectStore;

beforeAll(async () => {
  s3rver = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: path.join(tmp, "s3"),
    configureBuckets: [{ name: "evidence" }],
  });
  const { port } = await s3rver.run();
  s3Store = createObjectStore({
    LUOSHI_STORAGE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: "evidence",
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
});

afterAll(async () => {
  await s3rver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function roundTrip(store: ObjectStore) {
  const key = "attachments/ab/round-trip";
  await store.put(key, Readable.from([Buffer.from("hello "), Buffer.from("evidence")]), "text/plain");
  expect(await store.exists(key)).toBe(true);
  expect(await text(await store.get(key))).toBe("hello evidence");
  expect((await store.list("attachments/")).map((item) => item.key)).toContain(key);
  await store.delete(key);
  expect(await store.exists(key)).toBe(false);
  await expect(store.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
  await store.delete(key); // deleting twice is fine
}

describe("object stores", () => {
  it("disk: put, get, list, delete", async () => {
    await roundTrip(createDiskStore(path.join(tmp, "disk")));
  });

  it("S3 (a real s3rver): put, get, list, delete", async () => {
    await roundTrip(s3Store);
  });

  it("S3: a body larger than one part goes up as a multipart upload and comes back whole", async () => {
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const chunks = Array.from({ length: 9 }, () => chunk); // 9 MiB > one 8 MiB part
    await s3Store.put("attachments/big", Readable.from(chunks), "application/octet-stream");
    let size = 0;
    for await (const part of await s3Store.get("attachments/big")) size += (part as Buffer).length;
    expect(size).toBe(9 * 1024 * 1024);
    await s3Store.delete("attachments/big");
  });

  it("a failing stream leaves nothing on disk", async () => {
    const store = createDiskStore(path.join(tmp, "disk2"));
    const failing = new Readable({
      read() {
        this.push(Buffer.from("part"));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(store.put("attachments/broken", failing, "text/plain")).rejects.toThrow("client went away");
    expect(await store.list("")).toEqual([]);
  });

  it("refuses keys that could leave the store", async () => {
    const store = createDiskStore(path.join(tmp, "disk3"));
    await expect(store.get("../etc/passwd")).rejects.toThrow("Unsafe");
    await expect(store.exists("/abs")).rejects.toThrow("Unsafe");
  });
});
