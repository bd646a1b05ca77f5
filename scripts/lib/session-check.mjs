// Whether a request carries a valid next-auth session cookie: the request gate
// gives form submissions (Server Actions) of signed-in users more patience,
// and anyone can send a `Next-Action` header, so the header alone counts for nothing.
// Only the token is checked here (its encryption with NEXTAUTH_SECRET and its
// expiry); whether the account may still act is checked by the app itself.
import nextAuthJwt from "next-auth/jwt";

const { decode } = nextAuthJwt;

/** The cookie's value, joined from next-auth's chunks (`name.0`, `name.1`, …) when it was split. */
export function sessionCookieValue(cookieHeader, name) {
  if (!cookieHeader) return null;
  let whole = null;
  const chunks = [];
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const key = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (key === name) whole = value;
    else if (key.startsWith(`${name}.`)) {
      const chunk = Number(key.slice(name.length + 1));
      if (Number.isInteger(chunk) && chunk >= 0 && chunk < 16) chunks[chunk] = value;
    }
  }
  if (whole) return whole;
  if (chunks.length === 0) return null;
  for (let index = 0; index < chunks.length; index++) if (chunks[index] === undefined) return null;
  return chunks.join("");
}

/**
 * `hasValidSession(request)` resolves to true when the request's session cookie
 * decrypts with the secret and has not expired.
 * @param {{ secret: string | undefined, secureCookies?: boolean }} options
 */
export function createSessionCheck({ secret, secureCookies = false }) {
  const name = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;
  return async function hasValidSession(request) {
    if (!secret) return false;
    const token = sessionCookieValue(request.headers.cookie, name);
    // A next-auth token is a few hundred bytes; anything far larger is not one.
    if (!token || token.length > 16_384) return false;
    try {
      const payload = await decode({ token, secret });
      if (!payload || typeof payload.sub !== "string") return false;
      return typeof payload.exp !== "number" || payload.exp * 1000 > Date.now();
    } catch {
      return false;
    }
  };
}
