import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/bcrypt";
import { z } from "zod";

/**
 * bcrypt cost of new hashes (LUOSHI_BCRYPT_COST, default 12: about 250 ms here,
 * slow for guessing, fine for a login). Hashing runs in @node-rs/bcrypt's native
 * thread pool, never on the event loop. Hashes with a lower cost are replaced at
 * the next successful sign-in.
 */
export function bcryptCost(env: Record<string, string | undefined> = process.env): number {
  const value = env.LUOSHI_BCRYPT_COST?.trim();
  if (!value) return 12;
  const cost = Number(value);
  if (!Number.isInteger(cost) || cost < 10 || cost > 16) throw new Error(`LUOSHI_BCRYPT_COST must be an integer from 10 to 16, not "${value}"`);
  return cost;
}

export function hashPassword(plain: string, cost: number = bcryptCost()): Promise<string> {
  return hash(plain, cost);
}

/**
 * False for a wrong password and for hashes that cannot match (disabled
 * placeholders). Reads $2a$/$2b$/$2y$ hashes, those written by bcryptjs before too.
 */
export async function verifyPassword(plain: string, passwordHash: string): Promise<boolean> {
  if (!/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(passwordHash)) return false;
  try {
    return await verify(plain, passwordHash);
  } catch {
    return false;
  }
}

/** The cost a bcrypt hash was made with (null: not a bcrypt hash). */
export function bcryptCostOf(passwordHash: string): number | null {
  const match = /^\$2[aby]\$(\d\d)\$/.exec(passwordHash);
  return match ? Number(match[1]) : null;
}

/** True when a (verified) hash was made with a lower cost than new hashes get. */
export function passwordNeedsRehash(passwordHash: string, cost: number = bcryptCost()): boolean {
  const current = bcryptCostOf(passwordHash);
  return current !== null && current < cost;
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
