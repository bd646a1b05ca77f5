import { encode } from "next-auth/jwt";
import { inject, vi } from "vitest";
import { startSession } from "@/lib/auth/auth-session";
import { db } from "@/lib/db";

/**
 * Server Actions and route handlers read the request through next/headers and
 * revalidate through next/cache, which only exist inside a Next.js request.
 * Tests stand in for that request: a real next-auth session cookie (minted
 * with the real secret) in a cookie store, and a recorder for revalidation.
 * Everything behind them (guard, session decoding, database) is the real code.
 */
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET = "test-secret-for-vitest-only-0123456789";
delete process.env.NEXTAUTH_URL;

const request = { cookies: new Map<string, string>(), headers: new Headers() };

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
  headers: async () => request.headers,
}));

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

/**
 * Makes the following calls run as this user, with a freshly signed-in session
 * (a session row, as a real sign-in opens one). Returns the cookie value, so a
 * test can keep a copy of it.
 */
export async function signInAs(user: { id: string; displayName?: string } | null, now = new Date()): Promise<string | undefined> {
  request.cookies.clear();
  if (!user) return undefined;
  const claims = await startSession(db, user.id, now);
  const token = await encode({
    token: { sub: user.id, name: user.displayName ?? "", sid: claims.sessionId, signedInAt: claims.signedInAt },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  request.cookies.set("next-auth.session-token", token);
  return token;
}

/** Sets (or with null removes) a header of the request, e.g. Authorization as a client would send it. */
export function setRequestHeader(name: string, value: string | null) {
  if (value === null) request.headers.delete(name);
  else request.headers.set(name, value);
}

/** A raw cookie value, e.g. a forged or expired token. */
export function setSessionCookie(value: string) {
  request.cookies.clear();
  request.cookies.set("next-auth.session-token", value);
}

/** A cookie as the code under test left it (e.g. one an action set). */
export function cookieValue(name: string): string | undefined {
  return request.cookies.get(name);
}
