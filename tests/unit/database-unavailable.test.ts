import pg from "pg";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse } from "@/lib/auth/api-route";
import { errorState } from "@/lib/errors/action-state";
import { createPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { DB_UNAVAILABLE_DIGEST, isDatabaseUnavailable, tagDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { mapError } from "@/lib/errors/map-error";

/** A real error of a client that cannot reach a server: port 1 on loopback refuses. */
async function rejectionOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const adapterError = (cause: Record<string, unknown>) => ({ name: "DriverAdapterError", message: String(cause.message ?? cause.kind), cause });

describe("[ERRORS] the database cannot be reached", () => {
  it("recognises what Prisma's pg adapter and pg really throw when the server is gone", async () => {
    const prisma = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none", { connectionTimeoutMillis: 2_000 });
    const prismaError = await rejectionOf(() => prisma.measure.count());
    const transactionError = await rejectionOf(() => prisma.$transaction(async (tx) => tx.measure.count()));
    await prisma.$disconnect();
    expect(prismaError).toMatchObject({ code: "P1001" });
    expect(transactionError).toMatchObject({ code: "P1001" });

    const client = new pg.Client({ connectionString: "postgresql://nobody@127.0.0.1:1/none" });
    client.on("error", () => {});
    const pgError = await rejectionOf(() => client.connect());
    expect(pgError).toMatchObject({ code: "ECONNREFUSED" });

    for (const error of [prismaError, transactionError, pgError]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(mapError(error)).toEqual({ code: "DB_UNAVAILABLE", status: 503, values: {}, fieldErrors: {} });
    }
  });

  it("recognises a restart's shapes: admin_shutdown, starting up, a closed connection, pg's own messages", () => {
    const shapes: unknown[] = [
      // $queryRaw during `pg_ctl restart -m fast`, as seen in tests/e2e/db-faults.test.ts.
      { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: adapterError({ kind: "postgres", code: "57P01", originalCode: "57P01", message: "terminating connection due to administrator command" }) } },
      // A model query while the server starts up: thrown as the adapter's own error.
      adapterError({ kind: "postgres", code: "57P03", message: "the database system is starting up" }),
      { name: "PrismaClientKnownRequestError", code: "P1017", meta: { driverAdapterError: adapterError({ kind: "ConnectionClosed" }) } },
      { name: "PrismaClientKnownRequestError", code: "P1002", meta: {} },
      Object.assign(new Error("Connection terminated unexpectedly"), {}),
      new Error("Client has encountered a connection error and is not queryable"),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read", errno: -104 }),
      Object.assign(new Error("connection failure"), { code: "08006" }),
      new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "57P01" }) }),
    ];
    for (const shape of shapes) {
      expect(isDatabaseUnavailable(shape), JSON.stringify(shape)).toBe(true);
      expect(mapError(shape).code).toBe("DB_UNAVAILABLE");
    }
  });

  it("leaves other failures alone: a conflict, a bad query, a validation error, the pool's wait stay what they were", () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(mapError({ code: "P2002" }).code).toBe("CONFLICT");
      expect(mapError(new Error("timeout exceeded when trying to connect")).code).toBe("SERVER_BUSY");
      expect(mapError({ code: "P2028" }).code).toBe("SERVER_BUSY");
      expect(mapError(new AppError("NOT_FOUND")).code).toBe("NOT_FOUND");
      expect(mapError(z.object({ a: z.string() }).safeParse({}).error).code).toBe("VALIDATION");
      for (const other of [
        { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: adapterError({ kind: "postgres", code: "42P01", message: 'relation "x" does not exist' }) } },
        new Error("boom"),
        null,
        "text",
      ]) {
        expect(isDatabaseUnavailable(other)).toBe(false);
        expect(mapError(other).code).toBe("INTERNAL");
      }
    } finally {
      console.error = quiet;
    }
  });

  it("tags such an error with the digest the error page reads, and only such an error", () => {
    const unavailable = Object.assign(new Error("Connection terminated unexpectedly"), {});
    expect(tagDatabaseUnavailable(unavailable)).toBe(unavailable);
    expect((unavailable as { digest?: string }).digest).toBe(DB_UNAVAILABLE_DIGEST);
    const other = new Error("boom");
    tagDatabaseUnavailable(other);
    expect((other as { digest?: string }).digest).toBeUndefined();
  });

  it("API answers: 503 with Retry-After for an unreachable database, no Retry-After on other errors", async () => {
    const response = errorResponse({ code: "P1001" });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "DB_UNAVAILABLE", values: {}, fieldErrors: {} } });
    expect(errorResponse({ code: "P2028" }).headers.get("retry-after")).toBe("5");
    const notFound = errorResponse(new AppError("NOT_FOUND"));
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("retry-after")).toBeNull();
  });

  it("a form's Server Action answers DB_UNAVAILABLE and keeps what was typed", () => {
    const form = new FormData();
    form.set("progress", "typed text");
    form.set("password", "secret");
    expect(errorState({ code: "P1017" }, form)).toEqual({
      status: "error",
      code: "DB_UNAVAILABLE",
      messageValues: {},
      fieldErrors: {},
      values: { progress: "typed text" },
    });
  });
});
