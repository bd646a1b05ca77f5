/** Settings next-auth and our session reader must agree on. */

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set; start the app with `npm start`.");
  return secret;
}
