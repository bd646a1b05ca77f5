import bcrypt from "bcryptjs";

// Cost 12 is ~250 ms here: slow for guessing, fine for a login.
const COST = 12;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
