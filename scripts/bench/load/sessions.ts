import { generatedUserPassword } from "../province-data";
import type { LoadUser } from "./fixtures";

/**
 * Signs every user in once through next-auth's credentials endpoint, as the
 * login form does, and returns each one's session cookie. Successful sign-ins
 * are not throttled (lib/auth/login-throttle.ts counts failures only), so this
 * needs no bench setting; a few at a time keeps bcrypt from starving the server.
 */
export async function signIn(baseUrl: string, users: LoadUser[], parallel = 4): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      cookies.set(user.loginName, await sessionCookie(baseUrl, user.loginName));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return cookies;
}

/** Signs in through next-auth's credentials callback and returns the session cookie ("name=value"). */
export async function sessionCookie(baseUrl: string, username: string, password = generatedUserPassword): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => /^(__Secure-)?next-auth\.session-token=/.test(cookie));
  if (!session) throw new Error(`Sign-in as ${username} failed (HTTP ${response.status})`);
  return session.split(";")[0]!;
}
