import type http from "node:http";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createSessionCheck, sessionCookieValue } from "@/scripts/lib/session-check.mjs";

const secret = "a-test-secret-of-enough-length-0123456789";
const requestWith = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as unknown as http.IncomingMessage;

describe("[SECURITY] the gate's session check (who may wait longer with Next-Action)", () => {
  it("accepts a next-auth session token made with the secret", async () => {
    const token = await encode({ token: { sub: "user-1", name: "Viewer" }, secret });
    expect(await createSessionCheck({ secret })(requestWith(`NEXT_LOCALE=en; next-auth.session-token=${token}`))).toBe(true);
    expect(await createSessionCheck({ secret, secureCookies: true })(requestWith(`__Secure-next-auth.session-token=${token}`))).toBe(true);
  });

  it("refuses no cookie, a made-up cookie, another secret's token, an expired token and the wrong cookie name", async () => {
    const check = createSessionCheck({ secret });
    expect(await check(requestWith())).toBe(false);
    expect(await check(requestWith("next-auth.session-token=made-up"))).toBe(false);
    const foreign = await encode({ token: { sub: "user-1" }, secret: "another-secret-of-enough-length-98765" });
    expect(await check(requestWith(`next-auth.session-token=${foreign}`))).toBe(false);
    const expired = await encode({ token: { sub: "user-1" }, secret, maxAge: -60 });
    expect(await check(requestWith(`next-auth.session-token=${expired}`))).toBe(false);
    const valid = await encode({ token: { sub: "user-1" }, secret });
    expect(await createSessionCheck({ secret, secureCookies: true })(requestWith(`next-auth.session-token=${valid}`))).toBe(false);
    expect(await createSessionCheck({ secret: undefined })(requestWith(`next-auth.session-token=${valid}`))).toBe(false);
  });

  it("joins a token next-auth split into chunks", async () => {
    expect(sessionCookieValue("a=1; name.1=def; name.0=abc", "name")).toBe("abcdef");
    expect(sessionCookieValue("name.1=def", "name")).toBeNull();
    const token = await encode({ token: { sub: "user-1" }, secret });
    const half = Math.floor(token.length / 2);
    const cookie = `next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`;
    expect(await createSessionCheck({ secret })(requestWith(cookie))).toBe(true);
  });
});
