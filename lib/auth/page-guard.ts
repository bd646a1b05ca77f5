import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { getSessionUser, type SessionUser } from "./session-user";

/** The path of this request, as proxy.ts passes it on, for the return after login. */
async function currentPath(): Promise<string> {
  return (await headers()).get("x-luoshi-path") ?? "/";
}

/**
 * For pages: the signed-in user, or a redirect to the login page (and back).
 * Users who must change their password are sent to do that first.
 */
export async function requirePageUser(
  permission: Permission = "measure.read",
  { allowWhileMustChangePassword = false } = {},
): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  if (user.mustChangePassword && !allowWhileMustChangePassword) redirect("/account/password");
  if (!can(user, permission)) forbidden();
  return user;
}
