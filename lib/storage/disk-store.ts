import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertSafeKey, StorageNotFoundError, type ObjectStore, type StoredObject } from "./object-store";

/**
 * Objects as files under one directory. A put writes `<key>.partial` first and
 * renames it when complete, so a reader never sees half a file and a crash
 * leaves only `.partial` files, which the orphan cleanup lists and removes.
 */
export function createDiskStore(root: string): ObjectStore {
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };

  return {
    async put(key, body) {
      const file = fileOf(key);
      const partial = `${file}.partial`;
      await fs.mkdir(path.dirname(file), { recursive: true });
      try {
        await pipeline(body, createWriteStream(partial, { flags: "wx" }));
        await fs.rename(partial, file);
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = fileOf(key);
      try {
        await fs.access(file);
      } catch (error) {
        // Missing from a directory that is there: not found. The directory itself
        // gone or unreadable (a volume not mounted, a path through a file): the store is down.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        const rootIsThere = await fs.stat(root).then((stat) => stat.isDirectory(), () => false);
        if (!rootIsThere) throw new Error(`The attachments directory ${root} is not there`);
        throw new StorageNotFoundError(key);
      }
      return createReadStream(file);
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async exists(key) {
      return fs.access(fileOf(key)).then(
        () => true,
        () => false,
      );
    },
    async list(prefix) {
      const found: StoredObject[] = [];
      await walk(root, "", async (relative, stat) => {
        if (relative.startsWith(prefix)) found.push({ key: relative, storedAt: stat.mtime });
      });
      return found;
    },
  };
}

async function walk(
  root: string,
  relative: string,
  visit: (relative: string, stat: { mtime: Date }) => Promise<void>,
): Promise<void> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, child, visit);
    else if (entry.isFile()) await visit(child, await fs.stat(path.join(root, child)));
  }
}
