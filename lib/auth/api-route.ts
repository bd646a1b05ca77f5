import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { mapError, retryAfterOf } from "@/lib/errors/map-error";
import { authorize } from "./guard";
import type { Permission } from "./permissions";
import type { SessionUser } from "./session-user";

type RouteContext<Params> = { params: Promise<Params> };
type Handler<Params> = (
  request: NextRequest,
  context: { user: SessionUser; params: Params },
) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * JSON errors with one stable shape: { error: { code, fieldErrors } } and the mapped
 * status; a 503 (busy, database or file store unavailable) says when to retry.
 */
export function errorResponse(error: unknown): NextResponse {
  const mapped = mapError(error);
  const retryAfter = retryAfterOf(mapped.code);
  return NextResponse.json(
    { error: { code: mapped.code, values: mapped.values, fieldErrors: mapped.fieldErrors } },
    { status: mapped.status, headers: retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) } },
  );
}

/**
 * Guards a route handler: the caller is the personal API token of an
 * `Authorization: Bearer` header, else the session cookie; then the permission,
 * through the same guard as Server Actions. State-changing cookie requests
 * must come from this site (CSRF); a bearer header is never sent by a browser
 * on its own, so bearer requests need no such check, but a state-changing
 * bearer request needs a token with the WRITE scope (403 INSUFFICIENT_SCOPE).
 */
export function withApiRoute<Params = Record<string, never>>(permission: Permission, handler: Handler<Params>) {
  return async (request: NextRequest, context: RouteContext<Params>): Promise<Response> => {
    try {
      const bearerToken = bearerTokenOf(request);
      const changesState = !SAFE_METHODS.has(request.method);
      if (bearerToken === undefined && changesState) assertSameOrigin(request);
      const params = await context.params;
      assertStorableText(request, params);
      const user = await authorize(permission, { bearerToken, changesState });
      return await handler(request, { user, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A NUL character (PostgreSQL cannot store or compare it) or half a surrogate pair. */
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/**
 * Path and query parameters are text the database compares: one holding a NUL
 * or half a surrogate pair is a bad request (400) naming it, not a query that
 * fails inside PostgreSQL (found by the API fuzz suite).
 */
function assertStorableText(request: NextRequest, params: unknown): void {
  const entries = [...Object.entries(params ?? {}), ...request.nextUrl.searchParams.entries()];
  const broken = entries.find(([name, value]) => UNSTORABLE.test(name) || (typeof value === "string" && UNSTORABLE.test(value)));
  if (broken) throw new AppError("BAD_REQUEST", {}, { [UNSTORABLE.test(broken[0]) ? "form" : broken[0]]: { key: "forbiddenCharacters" } });
}

/**
 * The request's Origin must be this site: the host the browser addressed (the
 * Host header), or the configured site (NEXTAUTH_URL, for a proxy that rewrites
 * Host). `X-Forwarded-Host` is never trusted: any client can send it. An Origin
 * that is not a URL (`null` from a sandboxed frame or a file) is refused too.
 */
function assertSameOrigin(request: NextRequest): void {
  const origin = parsedUrl(request.headers.get("origin"));
  const host = request.headers.get("host");
  if (!origin || origin.origin === "null") throw new AppError("BAD_ORIGIN");
  if (host && origin.host === host) return;
  if (origin.origin === parsedUrl(process.env.NEXTAUTH_URL ?? null)?.origin) return;
  throw new AppError("BAD_ORIGIN");
}

function parsedUrl(value: string | null): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The token of an Authorization header: undefined without the header; any other
 * scheme or an empty value yields "" so that it fails as a bad token (401)
 * rather than falling back to the cookie.
 */
function bearerTokenOf(request: NextRequest): string | undefined {
  const header = request.headers.get("authorization");
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "";
}
