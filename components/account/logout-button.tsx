"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

/**
 * next-auth answers sign-out with an absolute URL built on NEXTAUTH_URL (by default
 * http://localhost:PORT), whatever host the user came by: so the browser goes to a
 * fixed path of its own origin instead.
 */
export function LogoutButton() {
  const t = useTranslations("nav");
  async function logOut() {
    await signOut({ redirect: false });
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={logOut} className="rounded px-2 py-1.5 text-left text-slate-800 hover:bg-slate-100">
      {t("logout")}
    </button>
  );
}
