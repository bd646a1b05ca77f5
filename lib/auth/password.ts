import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";
import { z } from "zod";

// Cost 12 is ~250 ms here: slow for guessing, fine for a login.
const COST = 12;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

/** False for a wrong password and for hashes that cannot match (disabled placeholders). */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (!hash.startsWith("$2")) return false;
  return bcrypt.compare(plain, hash);
}

/** At least 10 characters with a letter and a digit; bcrypt reads at most 72 bytes. */
export const newPasswordSchema = z
  .string()
  .min(10, "passwordRule")
  .max(72, "passwordRule")
  .refine((value) => /\p{L}/u.test(value) && /\d/.test(value), "passwordRule");

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A one-time password for new accounts and resets; the user must change it. */
export function generateTemporaryPassword(): string {
  const body = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${body}${randomInt(10)}${"abcdefghjk"[randomInt(10)]}`;
}
