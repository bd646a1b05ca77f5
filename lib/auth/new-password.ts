import { fieldError } from "@/lib/errors/app-error";
import { hashPassword, newPasswordSchema } from "./password";

/**
 * The only way a password becomes an account's password: it must pass the
 * app's rule (`newPasswordSchema`), whoever sets it (the user, an admin reset,
 * a new account, the seed's demo accounts, `npm run admin:create`).
 */
export async function hashNewPassword(plain: string, field = "newPassword"): Promise<string> {
  if (!passwordFollowsRule(plain)) throw fieldError(field, "passwordRule");
  return hashPassword(plain);
}

export function passwordFollowsRule(plain: string): boolean {
  return newPasswordSchema.safeParse(plain).success;
}
