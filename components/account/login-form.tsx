"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

type LoginError = "invalid" | "throttled" | "failed" | "unavailable";

/** Signs in through next-auth without a full page reload, then goes where the user was headed. */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const tDb = useTranslations("dbFaults");
  const [error, setError] = useState<LoginError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    setPending(false);
    if (result?.ok && !result.error) {
      // Checked again here, against this page's own origin, whatever the server passed.
      window.location.assign(safeCallbackUrl(callbackUrl, window.location.origin));
      return;
    }
    const reason = result?.error;
    setError(reason === "THROTTLED" ? "throttled" : reason === "DB_UNAVAILABLE" ? "unavailable" : reason ? "invalid" : "failed");
  }

  return (
    <form onSubmit={submit} className="flex max-w-sm flex-col gap-3" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="username" className="text-sm font-medium">{t("username")}</label>
        <input id="username" name="username" autoComplete="username" required maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-medium">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} className="rounded border border-slate-300 px-2 py-1" />
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-900">
          {error === "unavailable" ? tDb("loginUnavailable") : t(error)}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-2 text-white hover:bg-red-900 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
