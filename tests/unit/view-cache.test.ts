import { afterEach, describe, expect, it } from "vitest";
import { cachedView, clearViewCache, viewCacheStats } from "@/lib/cache/view-cache";

afterEach(() => clearViewCache());

describe("cachedView", () => {
  it("shares one computation between concurrent misses of a key", async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = async () => {
      runs++;
      await gate;
      return { value: runs };
    };
    const pending = [cachedView("db:1", "k", compute), cachedView("db:1", "k", compute), cachedView("db:1", "k", compute)];
    release();
    const results = await Promise.all(pending);
    expect(runs).toBe(1);
    expect(results[1]).toBe(results[0]);
    expect(await cachedView("db:1", "k", compute)).toBe(results[0]);
  });

  it("computes again under another version, key or database, and without a version", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await cachedView("db:1", "k", compute);
    await cachedView("db:1", "other", compute);
    await cachedView("db:2", "k", compute);
    await cachedView("copy:2", "k", compute);
    await cachedView(null, "k", compute);
    await cachedView(null, "k", compute);
    expect(runs).toBe(6);
  });

  it("drops entries of older versions once a newer one is seen", async () => {
    await cachedView("db:1", "a", async () => 1);
    await cachedView("db:1", "b", async () => 1);
    expect(viewCacheStats().entries).toBe(2);
    await cachedView("db:2", "a", async () => 2);
    expect(viewCacheStats().entries).toBe(1);
    // A late reader of the older version does not drop the newer entries.
    await cachedView("db:1", "a", async () => 1);
    expect(viewCacheStats().entries).toBe(2);
  });

  it("does not keep a failed computation", async () => {
    await expect(cachedView("db:1", "k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await Promise.resolve();
    expect(await cachedView("db:1", "k", async () => "ok")).toBe("ok");
  });

  it("holds at most 500 entries, evicting the least recently used", async () => {
    let runs = 0;
    for (let i = 0; i < 600; i++) await cachedView("db:1", `k${i}`, async () => ++runs);
    expect(viewCacheStats().entries).toBe(500);
    // k599 is held; k0 was evicted first.
    await cachedView("db:1", "k599", async () => ++runs);
    expect(runs).toBe(600);
    await cachedView("db:1", "k0", async () => ++runs);
    expect(runs).toBe(601);
  });

  it("freezes what it holds", async () => {
    const value = await cachedView("db:1", "k", async () => ({ list: [{ n: 1 }] }));
    expect(Object.isFrozen(value.list[0])).toBe(true);
  });
});
