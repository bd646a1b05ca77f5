import { NextResponse, type NextRequest } from "next/server";

// Paths anyone may open; everything else needs a session.
const PUBLIC_PATHS = [/^\/login$/, /^\/api\/health(\/live|\/ready)?$/, /^\/api\/auth\//];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
}

/**
 * A cheap first gate: pages without a session cookie go to the login page and
 * back. The real check (valid, unexpired, active user, permission) is the
 * guard in lib/auth, which every page, action and route runs.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
  if (!isPublic && !pathname.startsWith("/api/") && !hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  // A fresh nonce per response: Next.js puts it on its own scripts, so no
  // other inline script can run.
  const csp = contentSecurityPolicy(btoa(crypto.randomUUID()));
  const headers = new Headers(request.headers);
  headers.set("x-luoshi-path", `${pathname}${search}`);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const devEval = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    // React sets style attributes (e.g. progress bar widths).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  // Not attachment uploads: with a proxy, Next.js holds a copy of the body (up to 10 MB, then cuts it); the upload route streams it.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/v1/attachments).*)"],
};
