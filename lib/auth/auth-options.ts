import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authenticate } from "./authenticate";
import { SESSION_MAX_AGE_SECONDS, usesSecureCookies } from "./session-cookie";

/** The client's address as the nearest proxy reports it (first X-Forwarded-For hop). */
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const realIp = headers?.["x-real-ip"];
  return first || (Array.isArray(realIp) ? realIp[0] : realIp) || "unknown";
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  useSecureCookies: usesSecureCookies(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticate(db, {
          loginName: String(credentials?.username ?? ""),
          password: String(credentials?.password ?? ""),
          ip: clientIp(request?.headers),
        });
        // The message becomes the client's `error`: the login form translates it.
        if (!result.ok) throw new Error(result.reason);
        return { id: result.user.id, name: result.user.displayName };
      },
    }),
  ],
  callbacks: {
    // Only the user id travels in the token; role and unit are read fresh per request.
    jwt: ({ token }) => ({ sub: token.sub, name: token.name, iat: token.iat, exp: token.exp, jti: token.jti }),
  },
};
