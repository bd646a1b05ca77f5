import type { PrismaClient } from "@/lib/db/create-client";

/*
 * An in-process cache of read-mostly views (the dashboard, its forecast card and
 * notice counts), keyed by the database's data version: statement triggers
 * (migration 20261204100000) add one to ViewDataVersion in every transaction that
 * writes a table those views read, so the version becomes visible exactly when the
 * data does. A reader reads the version BEFORE the data, so what it caches under
 * version V is never older than V; any later reader that still sees V sees no write
 * after it. Each app instance keeps its own cache and needs no shared one: all
 * instances read the same version. docs/dashboards.md explains why this is exact.
 */

/** LUOSHI_VIEW_CACHE=off computes every view afresh (the benchmark's "before"). */
export function viewCacheEnabled(): boolean {
  return process.env.LUOSHI_VIEW_CACHE !== "off";
}

/**
 * The data version as a key: the database (a copy made with createdb -T starts
 * with the same sums) and the sum of the shards. Null when the cache is off.
 */
export async function readDataVersion(db: PrismaClient): Promise<string | null> {
  if (!viewCacheEnabled()) return null;
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT current_database() || ':' || sum(version)::text AS version FROM "ViewDataVersion"`;
  return row?.version ?? null;
}

const MAX_ENTRIES = 500;
/** 64 MB of JSON (the heap holds a few times that): an unscoped province dashboard, with every lead unit's counts, is a few hundred kB. */
const MAX_BYTES = 64 * 1024 * 1024;

type Entry = { version: string; value: Promise<unknown>; bytes: number };

/** Least recently used first (a Map keeps insertion order; a hit moves its entry to the end). */
const entries = new Map<string, Entry>();
let totalBytes = 0;
let newestVersion: string | null = null;

function remove(key: string) {
  const entry = entries.get(key);
  if (!entry) return;
  totalBytes -= entry.bytes;
  entries.delete(key);
}

function evict() {
  for (const key of entries.keys()) {
    if (entries.size <= MAX_ENTRIES && totalBytes <= MAX_BYTES) return;
    remove(key);
  }
}

/** Whether `version` is a later version of the same database than `than`. */
function isNewer(version: string, than: string | null): boolean {
  if (than === null) return true;
  const [database, sum] = [version.slice(0, version.lastIndexOf(":")), version.slice(version.lastIndexOf(":") + 1)];
  const [otherDatabase, otherSum] = [than.slice(0, than.lastIndexOf(":")), than.slice(than.lastIndexOf(":") + 1)];
  return database === otherDatabase ? BigInt(sum) > BigInt(otherSum) : true;
}

/** Frozen, so that no caller can change what the next request is served. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The view under `key` at data `version`, computed once per version and key:
 * concurrent misses share one computation, a failed one is not kept. Without a
 * version (cache off) it is computed every time. The value is deeply frozen.
 */
export function cachedView<T>(version: string | null, key: string, compute: () => Promise<T>): Promise<T> {
  if (version === null) return compute();
  const fullKey = `${version}\u0000${key}`;
  const hit = entries.get(fullKey);
  if (hit) {
    entries.delete(fullKey);
    entries.set(fullKey, hit);
    return hit.value as Promise<T>;
  }
  if (isNewer(version, newestVersion)) {
    // Versions only grow: entries of older versions of the same database are dead.
    for (const [other, entry] of entries) if (isNewer(version, entry.version)) remove(other);
    newestVersion = version;
  }
  const value = compute().then(deepFreeze);
  const entry: Entry = { version, value, bytes: 0 };
  entries.set(fullKey, entry);
  value.then(
    (result) => {
      if (entries.get(fullKey) !== entry) return;
      entry.bytes = JSON.stringify(result)?.length ?? 0;
      totalBytes += entry.bytes;
      evict();
    },
    () => {
      if (entries.get(fullKey) === entry) remove(fullKey);
    },
  );
  evict();
  return value;
}

/** How many views are held and their size (the benchmark prints it). */
export function viewCacheStats() {
  return { entries: entries.size, bytes: totalBytes };
}

/** Empties the cache (tests and the benchmark's cold runs). */
export function clearViewCache() {
  entries.clear();
  totalBytes = 0;
  newestVersion = null;
}
