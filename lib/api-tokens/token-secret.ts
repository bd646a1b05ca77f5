import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "lsk_";
/** `lsk_` + 32 random bytes in base64url (43 characters). */
const TOKEN_PATTERN = /^lsk_[A-Za-z0-9_-]{43}$/;
/** How much of the token is kept in the clear, so its owner can tell tokens apart. */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 8;

/** The database keeps only this digest; a leaked table does not leak usable tokens. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token: the secret (shown once), its short prefix and its hash. */
export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, SHOWN_LENGTH), tokenHash: hashApiToken(token) };
}

/** Cheap shape check, so malformed bearer values never reach the database. */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
