import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { endSession, sessionClaimsOf, startSession } from "./auth-session";
import { authenticate } from "./authenticate";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { safeRedirectUrl } from "./safe-callback-url";
import { SESSION_MAX_AGE_SECONDS, usesSecureCookies } from "./session-cookie";
import { checkSession } from "./session-user";
import { logError } from "@/lib/observability/logger.mjs";

/** Thrown from the jwt callback when a session no longer counts: next-auth then answers no session and clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("SESSION_ENDED");
    this.name = "SessionEndedError";
  }
}

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
        }).catch((error: unknown) => {
          // A database restart: "try again shortly", not "wrong password" (nor the driver's message, which names the server).
          if (isDatabaseUnavailable(error)) throw new Error("DB_UNAVAILABLE");
          throw error;
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
    // Only the user id, the session id and the original sign-in time travel in
    // the token; role and unit are read fresh per request (lib/auth/session-user).
    async jwt({ token, user }) {
      if (user) {
        // Sign-in: a new session row; its time is kept, never refreshed.
        const claims = await startSession(db, user.id);
        return { sub: claims.userId, name: user.name, sid: claims.sessionId, signedInAt: claims.signedInAt };
      }
      // /api/auth/session re-issues the cookie: only while the session still counts.
      const claims = sessionClaimsOf(token);
      const sessionUser = await checkSession(db, claims, { touch: false });
      if (!claims || !sessionUser) throw new SessionEndedError();
      return { sub: claims.userId, name: sessionUser.displayName, sid: claims.sessionId, signedInAt: claims.signedInAt };
    },
  },
  events: {
    // Logout ends this session in the database, so a copy of the cookie stops working too.
    async signOut({ token }) {
      await endSession(db, sessionClaimsOf(token));
    },
  },
  logger: {
    error(code, metadata) {
      // An ended or expired session read through /api/auth/session is expected, not an error.
      const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (code === "JWT_SESSION_ERROR" && cause instanceof SessionEndedError) return;
      logError(cause, "sign-in library error", { event: "next-auth", code });
    },
  },
};
