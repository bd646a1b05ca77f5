import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authenticate } from "./authenticate";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { safeRedirectUrl } from "./safe-callback-url";
import { SESSION_MAX_AGE_SECONDS, usesSecureCookies } from "./session-cookie";

/**
 * The client's address as scripts/serve.mjs computed it (the socket's peer, or the
 * X-Forwarded-For hop of a trusted proxy: scripts/lib/client-address.mjs). The
 * client's own X-Forwarded-For is never read here: it could be anything.
 */
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const address = headers?.[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(address) ? address[0] : address)?.trim() || "unknown";
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
    // After sign-in and sign-out: only this site's own paths (no open redirect).
    redirect: safeRedirectUrl,
    // Only the user id travels in the token; role and unit are read fresh per request.
    jwt: ({ token }) => ({ sub: token.sub, name: token.name, iat: token.iat, exp: token.exp, jti: token.jti }),
  },
};
