import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { passwordFile, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function withPassword(url: string, password: string | null): string {
  const parsed = new URL(url);
  parsed.password = password ?? "";
  return parsed.toString();
}

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query("SELECT 40 + 2 AS answer");
    return { ok: true as const, answer: rows[0].answer as number };
  } catch (error) {
    return { ok: false as const, code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    await client.end().catch(() => {});
  }
}

describe("[PGLITE] the embedded database asks for its password", { timeout: 120_000 }, () => {
  it("refuses a wrong or missing password and accepts the right one", async () => {
    const embedded = await startEmbeddedPostgres();
    try {
      const password = new URL(embedded.url).password;
      expect(password.length).toBeGreaterThanOrEqual(20);
      expect(password).not.toBe("postgres");
      expect(await connect(embedded.url)).toEqual({ ok: true, answer: 42 });
      for (const wrong of ["postgres", "wrong", `${password}x`, null]) {
        const refused = await connect(withPassword(embedded.url, wrong));
        expect(refused, String(wrong)).toMatchObject({ ok: false, code: "28P01" });
      }
      // Another user name with the right password: MD5 salts the answer with the user, still the one password.
      const other = new URL(embedded.url);
      other.username = "someone";
      expect((await connect(other.toString())).ok).toBe(true);
      // The refused ones did not take the database down.
      expect(await connect(embedded.url)).toEqual({ ok: true, answer: 42 });
    } finally {
      await embedded.stop();
    }
  });

  it("keeps a random password beside its data directory, readable by the owner only, across restarts", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-pglite-auth-"));
    dirs.push(root);
    const dataDir = path.join(root, "pglite");
    const first = await startEmbeddedPostgres({ dataDir });
    const password = new URL(first.url).password;
    await first.stop();
    const file = passwordFile(dataDir);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(password);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(new URL(second.url).password).toBe(password);
      expect((await connect(second.url)).ok).toBe(true);
      expect(await connect(withPassword(second.url, "postgres"))).toMatchObject({ ok: false, code: "28P01" });
    } finally {
      await second.stop();
    }
  });

  it("a client that never answers the password challenge does not hold a connection slot", async () => {
    const embedded = await startEmbeddedPostgres();
    try {
      const { hostname, port } = new URL(embedded.url);
      const net = await import("node:net");
      // Open many raw connections that only send a startup message, never a password.
      const sockets = await Promise.all(
        Array.from({ length: 25 }, () => new Promise<import("node:net").Socket>((resolve) => {
          const socket = net.connect(Number(port), hostname, () => {
            const body = Buffer.from("user\0postgres\0database\0postgres\0\0");
            const head = Buffer.alloc(8);
            head.writeInt32BE(8 + body.length, 0);
            head.writeInt32BE(196608, 4);
            socket.write(Buffer.concat([head, body]));
            resolve(socket);
          });
          socket.on("error", () => {});
        })),
      );
      try {
        expect(await connect(embedded.url)).toEqual({ ok: true, answer: 42 });
      } finally {
        for (const socket of sockets) socket.destroy();
      }
    } finally {
      await embedded.stop();
    }
  });
});
