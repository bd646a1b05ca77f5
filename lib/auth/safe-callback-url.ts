/** Used when no site origin is known: only the path matters for a same-site check. */
const PLACEHOLDER_ORIGIN = "http://luoshi.invalid";

/**
 * The value as a path on `origin`, parsed as the browser would parse it, or null
 * when it is not one: it must start with a single "/" and stay on that origin, with
 * no control characters, whitespace or backslashes (browsers drop tabs and
 * newlines: "/\t/evil" becomes "//evil"). Returns the normalized path, so what was
 * checked is what the browser gets.
 */
export function sameOriginPath(value: string, origin: string = PLACEHOLDER_ORIGIN): string | null {
  if (value.length > 2000 || !value.startsWith("/") || value[1] === "/" || value[1] === "\\") return null;
  if (/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/.test(value)) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base.origin);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const path = url.pathname;
  // "/.//evil" normalizes to "//evil": fine as an absolute URL, off-site as a path.
  // Encoded slashes or backslashes right after the first "/" are refused as well.
  if (!path.startsWith("/") || path.startsWith("//") || /^\/(?:%2f|%5c)/i.test(path)) return null;
  return `${path}${url.search}${url.hash}`;
}

/**
 * Where to go after login: a path on this site (see `sameOriginPath`), never the
 * login page itself; anything else → "/". Used by the login page (server) and the
 * login form (client, against `window.location.origin`).
 */
export function safeCallbackUrl(value: string | string[] | undefined | null, origin: string = PLACEHOLDER_ORIGIN): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  const path = typeof candidate === "string" ? sameOriginPath(candidate, origin) : null;
  if (!path || /^\/login(?:[/?#]|$)/.test(path)) return "/";
  return path;
}

/**
 * next-auth's `redirect` callback: a relative or absolute URL on the site's own
 * origin (`baseUrl`), checked like `sameOriginPath`; anything else → the site's root.
 */
export function safeRedirectUrl({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return "/";
  }
  let path: string | null = url;
  if (!url.startsWith("/")) {
    // An absolute URL is accepted only on the site's own origin; then its path is checked.
    try {
      const absolute = new URL(url);
      path = absolute.origin === origin && !/[\s\\]/.test(url) ? `${absolute.pathname}${absolute.search}${absolute.hash}` : null;
    } catch {
      path = null;
    }
  }
  if (path !== null) path = sameOriginPath(path, origin);
  return `${origin}${path ?? "/"}`;
}
